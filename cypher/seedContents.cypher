// Seed: writes the tables of contents of sources: where each was read (`chaptersSeenAt` on the
// Source) and its chapters, in printed order, as Chapter nodes a `chapter` locator names by number.
// params: $rows: {source: string, seenAt: string, chapters: {id: string, number: string, title: string, position: int}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (s:Source {key: row.source})
SET s.chaptersSeenAt = row.seenAt
WITH s, row
UNWIND row.chapters AS ch
MERGE (c:Chapter {id: ch.id})
SET c.number = ch.number, c.title = ch.title, c.position = ch.position
MERGE (s)-[:HAS_CHAPTER]->(c)
