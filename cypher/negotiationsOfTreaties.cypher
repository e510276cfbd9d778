// The negotiation that produced each treaty, if the graph records it.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {id: string}
UNWIND $ids AS id
MATCH (:Treaty {id: id})<-[:PRODUCED]-(n:Negotiation)
RETURN id, n {.id} AS node
