// Seed: creates or updates eras by id, with their sources.
// params: $rows: {end: date, id: string, name: string, sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[],
//   start: date}[]
// returns: (none)
UNWIND $rows AS row
MERGE (e:Era {id: row.id})
SET e.name = row.name, e.start = date(row.start), e.end = date(row.end)
WITH e, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (e)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
