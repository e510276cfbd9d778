// The treaty each negotiation produced, if any.
// params: $ids (string[]) negotiation ids
// returns: id, node {id, name, atopId, signed, ended, obligations}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:PRODUCED]->(t:Treaty)
RETURN id, t {.id, .name, .atopId, .signed, .ended, .obligations} AS node
