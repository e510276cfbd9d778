// Seed: creates the third parties of negotiations: states not at the table whose place was at issue
// (INVITED to join, or holding a VETO over the plan), with the note and sources.
// params: $rows: {id: string, negotiation: string, ccode: int, role: string, note: string,
//   sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.ccode})
MERGE (t:ThirdParty {id: row.id})
SET t.role = row.role, t.note = row.note
MERGE (n)-[:HAS_THIRD_PARTY]->(t)
MERGE (t)-[:IS_STATE]->(s)
WITH t, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (t)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
