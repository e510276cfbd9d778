// The negotiation that produced each treaty, if the graph records it.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {id: string}
UNWIND $ids AS id
MATCH (n:Negotiation)-[:PRODUCED]->(:Treaty {id: id})
RETURN id, n {.id} AS node
