// The era each treaty was signed in.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {id: string, name: string, start: date, end: date}
UNWIND $ids AS id
MATCH (:Treaty {id: id})-[:IN_ERA]->(e:Era)
RETURN id, e {.id, .name, .start, .end} AS node
