// Seed: creates the parties whose entry war plan the works checked do not settle (`plansUnknown`),
// each with the reason and the works checked, in place of a guessed plan.
// params: $rows: {id: string, negotiation: string, party: int, reason: string,
//   sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MERGE (u:PlanUnknown {id: row.id})
SET u.reason = row.reason
MERGE (n)-[:HAS_PLAN_UNKNOWN]->(u)
MERGE (u)-[:FOR_PARTY]->(s)
WITH u, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (u)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
