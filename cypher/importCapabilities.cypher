// Import (NMC): material capabilities per state-year, linked to the state and citing the data set.
// Rows come grouped by state, so that each state is looked up once per batch.
// The import stamps each capability with $stamp, so that importRemoveCapabilities can then remove what the
// file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {ccode: int, items: {ccode: int, cinc: float?, id: string,
//   irst: int?, milex: int?, milper: int?, pec: int?, tpop: float?, upop: float?, year: int}[]}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS g
MATCH (s:State {ccode: g.ccode})
UNWIND g.items AS row
MERGE (c:Capability {id: row.id})
SET c.ccode = row.ccode, c.year = row.year, c.milex = row.milex, c.milper = row.milper, c.irst = row.irst,
    c.pec = row.pec, c.tpop = row.tpop, c.upop = row.upop, c.cinc = row.cinc,
    c.importStamp = $stamp
MERGE (s)-[:HAS_CAPABILITY]->(c)
MERGE (c)-[:CITES]->(src)
