// The negotiations each state took part in, in order.
// params: $ccodes: int[]
// returns: id: int, node: {id: string}
UNWIND $ccodes AS id
MATCH (:State {ccode: id})-[:PARTY_TO]->(n:Negotiation)
RETURN id, n {.id} AS node
ORDER BY id, n.start, n.id
