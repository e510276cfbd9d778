// The parties of each negotiation whose entry war plan the works checked do not settle, with the reason.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, party: int, reason: string}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_PLAN_UNKNOWN]->(u:PlanUnknown)-[:FOR_PARTY]->(s:State)
RETURN id, u {.id, party: s.ccode, .reason} AS node
ORDER BY id, s.ccode
