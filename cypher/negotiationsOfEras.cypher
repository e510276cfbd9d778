// The negotiations that began in each era.
// params: $ids: string[] (era ids)
// returns: id: string, node: {id: string}
UNWIND $ids AS id
MATCH (:Era {id: id})<-[:IN_ERA]-(n:Negotiation)
RETURN id, n {.id} AS node
ORDER BY id, n.start, n.id
