// The NMC capabilities of each state, optionally between two years (inclusive), in year order.
// params: $ids (list of {key, ccode, from, to}) one entry per state and year range
// returns: id, node {year, milex, milper, irst, pec, tpop, upop, cinc}
UNWIND $ids AS id
MATCH (:State {ccode: id.ccode})-[:HAS_CAPABILITY]->(c:Capability)
WHERE (id.from IS NULL OR c.year >= id.from) AND (id.to IS NULL OR c.year <= id.to)
RETURN id.key AS id, c {.year, .milex, .milper, .irst, .pec, .tpop, .upop, .cinc} AS node
ORDER BY id, node.year
