// The negotiations that began in each era.
// params: $ids: string[] (era ids)
// returns: id: string, node: {id: string}
UNWIND $ids AS id
MATCH (n:Negotiation)-[:IN_ERA]->(:Era {id: id})
RETURN id, n {.id} AS node
ORDER BY id, n.start, n.id
