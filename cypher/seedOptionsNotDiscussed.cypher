// Seed: creates the statements that the works checked record no outside option for a party
// (`optionsNotDiscussed`), each with its note and the works checked.
// params: $rows: {id: string, negotiation: string, party: int, note: string?,
//   sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MERGE (o:OptionsNotDiscussed {id: row.id})
SET o.note = row.note
MERGE (n)-[:HAS_OPTIONS_NOT_DISCUSSED]->(o)
MERGE (o)-[:FOR_PARTY]->(s)
WITH o, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (o)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
