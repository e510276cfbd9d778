// The sources cited for each Negotiation node, with the locator that supports it (pages, chapter or document; where it was read).
// params: $ids: string[] (Negotiation keys: id)
// returns: id: string, node: {key: string, kind: string, authors: string[], title: string, year: int,
//   publisher: string?, container: string?, volume: string?, pages: string?, url: string?, citation: string,
//   citedPages: string?, citedChapter: string?, citedDocument: string?, citedSeenAt: string?, note: string?}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[c:CITES]->(s:Source)
RETURN id, s {.key, .kind, .authors, .title, .year, .publisher, .container, .volume, .pages, .url, .citation, citedPages: c.pages, citedChapter: c.chapter, citedDocument: c.document, citedSeenAt: c.seenAt, note: c.note} AS node
ORDER BY id, s.year, s.key, c.position
