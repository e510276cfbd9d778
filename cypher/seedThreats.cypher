// Seed: creates or updates threats, the states posing them, and their sources.
// params: $rows: {description: string?, id: string, name: string, posedBy: int[], sources: {key: string, position: int,
//   note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MERGE (t:Threat {id: row.id})
SET t.name = row.name, t.description = row.description
WITH t, row
UNWIND row.posedBy AS ccode
MATCH (s:State {ccode: ccode})
MERGE (t)-[:POSED_BY]->(s)
WITH DISTINCT t, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (t)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
