// Import (rivalries): a strategic rivalry between two states over a span of years, citing its data set.
// The import stamps each rivalry with $stamp, so that importRemoveRivalries can then remove what the file
// no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {aprin: boolean?, ccode1: int, ccode2: int, dataset: string,
//   endYear: int?, id: string, name: string?, number: int, principal: boolean?, region: string?,
//   startYear: int?, types: string[]}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (a:State {ccode: row.ccode1})
MATCH (b:State {ccode: row.ccode2})
MERGE (r:Rivalry {id: row.id})
SET r.dataset = row.dataset, r.number = row.number, r.name = row.name, r.ccode1 = row.ccode1, r.ccode2 = row.ccode2,
    r.startYear = row.startYear, r.endYear = row.endYear, r.region = row.region, r.types = row.types,
    r.principal = row.principal, r.aprin = row.aprin,
    r.importStamp = $stamp
MERGE (a)-[:RIVAL_IN]->(r)
MERGE (b)-[:RIVAL_IN]->(r)
MERGE (r)-[:CITES]->(src)
