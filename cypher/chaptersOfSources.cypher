// The table of contents of each source, in printed order: the chapters a `chapter` locator names,
// each with where the table was read (the same for every chapter of a source).
// params: $ids: string[] (Source keys: key)
// returns: id: string, node: {number: string, title: string, seenAt: string}
UNWIND $ids AS id
MATCH (s:Source {key: id})-[:HAS_CHAPTER]->(c:Chapter)
RETURN id, c {.number, .title, seenAt: s.chaptersSeenAt} AS node
ORDER BY id, c.position
