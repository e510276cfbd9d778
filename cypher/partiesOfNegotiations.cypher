// The parties (states) of each negotiation.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {ccode: int, abbrev: string, name: string}
UNWIND $ids AS id
MATCH (s:State)-[:PARTY_TO]->(:Negotiation {id: id})
RETURN id, s {.ccode, .abbrev, .name} AS node
ORDER BY id, s.ccode
