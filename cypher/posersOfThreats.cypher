// The states posing each threat.
// params: $ids: string[] (threat ids)
// returns: id: string, node: {ccode: int, abbrev: string, name: string}
UNWIND $ids AS id
MATCH (:Threat {id: id})-[:POSED_BY]->(s:State)
RETURN id, s {.ccode, .abbrev, .name} AS node
ORDER BY id, s.ccode
