// The NMC capabilities of each state, optionally between two years (inclusive), in year order.
// params: $ids: {ccode: int, from: int?, key: string, to: int?}[] (one entry per state and year range)
// returns: id: string, node: {year: int, milex: int?, milper: int?, irst: int?, pec: int?, tpop: float,
//   upop: float?, cinc: float} (NMC's missing values, -9, are null; populations in thousands, some fractional)
UNWIND $ids AS id
MATCH (:State {ccode: id.ccode})-[:HAS_CAPABILITY]->(c:Capability)
WHERE (id.from IS NULL OR c.year >= id.from) AND (id.to IS NULL OR c.year <= id.to)
RETURN id.key AS id, c {.year, .milex, .milper, .irst, .pec, .tpop, .upop, .cinc} AS node
ORDER BY id, node.year
