// Seed: creates each party's war plan in a negotiation: holder, target threat, approach, sources.
// params: $rows: {approach: string, confidence: string, id: string, justification: string, kind: string,
//   negotiation: string, party: int, sources: {key: string, note: string?, pages: string?}[], target: string}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MATCH (t:Threat {id: row.target})
MERGE (w:WarPlan {id: row.id})
SET w.kind = row.kind, w.approach = row.approach, w.justification = row.justification, w.confidence = row.confidence
MERGE (n)-[:HAS_WAR_PLAN]->(w)
MERGE (s)-[:HOLDS]->(w)
MERGE (w)-[:TARGETS]->(t)
WITH w, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
MERGE (w)-[c:CITES]->(src)
SET c.pages = ref.pages, c.note = ref.note
