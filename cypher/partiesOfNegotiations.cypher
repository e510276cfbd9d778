// The parties (states) of each negotiation.
// params: $ids (string[]) negotiation ids
// returns: id, node {ccode, abbrev, name}
UNWIND $ids AS id
MATCH (s:State)-[:PARTY_TO]->(:Negotiation {id: id})
RETURN id, s {.ccode, .abbrev, .name} AS node
ORDER BY id, s.ccode
