// The parties (states) of each negotiation.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {ccode: int, abbrev: string, name: string}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})<-[:PARTY_TO]-(s:State)
RETURN id, s {.ccode, .abbrev, .name} AS node
ORDER BY id, s.ccode
