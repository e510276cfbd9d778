// The war plans brought to each negotiation, with holder and target.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, kind: string, approach: string, justification: string,
//   confidence: string, party: int, target: string}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_WAR_PLAN]->(w:WarPlan)-[:TARGETS]->(t:Threat)
MATCH (s:State)-[:HOLDS]->(w)
RETURN id, w {.id, .kind, .approach, .justification, .confidence, party: s.ccode, target: t.id} AS node
ORDER BY id, s.ccode, w.kind
