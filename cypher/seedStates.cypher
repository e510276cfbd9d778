// Seed: creates or updates states by COW ccode, with their sources.
// params: $rows: {abbrev: string, ccode: int, name: string, sources: {key: string, position: int, note: string?,
//   pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MERGE (s:State {ccode: row.ccode})
SET s.abbrev = row.abbrev, s.name = row.name
WITH s, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (s)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
