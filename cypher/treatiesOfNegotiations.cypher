// The treaty each negotiation produced, if any.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, name: string, atopId: int?, signed: date, ended: date?,
//   obligations: Obligation[]}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:PRODUCED]->(t:Treaty)
RETURN id, t {.id, .name, .atopId, .signed, .ended, .obligations} AS node
