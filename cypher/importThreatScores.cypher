// Import (Leeds–Savun): external threat score per state-year, linked to the state and citing the data set.
// Rows come grouped by state, so that each state is looked up once per batch.
// The import stamps each score with $stamp, so that importRemoveThreatScores can then remove what the
// file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {ccode: int, items: {ccode: int, id: string, score: float?,
//   year: int}[]}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS g
MATCH (s:State {ccode: g.ccode})
UNWIND g.items AS row
MERGE (x:ThreatScore {id: row.id})
SET x.ccode = row.ccode, x.year = row.year, x.score = row.score, x.importStamp = $stamp
MERGE (s)-[:HAS_THREAT_SCORE]->(x)
MERGE (x)-[:CITES]->(src)
