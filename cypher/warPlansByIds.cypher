// War plans by id, with the holder's ccode and the target threat's id.
// params: $ids: string[]
// returns: id: string, kind: WarPlanKind, approach: Approach, justification: string, confidence: Confidence, party: int,
//   target: string
UNWIND $ids AS id
MATCH (w:WarPlan {id: id})<-[:HOLDS]-(s:State)
MATCH (w)-[:TARGETS]->(t:Threat)
RETURN w.id AS id, w.kind AS kind, w.approach AS approach, w.justification AS justification,
       w.confidence AS confidence, s.ccode AS party, t.id AS target
