// The era each negotiation began in.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, name: string, start: date, end: date}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:IN_ERA]->(e:Era)
RETURN id, e {.id, .name, .start, .end} AS node
