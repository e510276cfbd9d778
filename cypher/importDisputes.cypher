// Import (MID): disputes (MIDA), dates with precision, outcome, hostility level, citing the data set.
// The import stamps each dispute with $stamp, so that importRemoveDisputes can then remove what the files
// no longer hold.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {dispnum: int,
//   dispnum4: int?, end: date?, endPrecision: string?, endYear: int?, fatality: int?, fatalpre: int?, hiact: int?, hostlev: int?, id: string, link1: string?,
//   link2: string?, link3: string?, maxdur: int?, mindur: int?, numa: int?, numb: int?, ongoing: boolean?,
//   outcome: int?, recip: boolean?, settle: int?, start: date?, startPrecision: string?, startYear: int?,
//   version: string}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MERGE (d:Dispute {id: row.id})
SET d.dispnum = row.dispnum, d.dispnum4 = row.dispnum4, d.start = date(row.start), d.startPrecision = row.startPrecision,
    d.end = date(row.end), d.endPrecision = row.endPrecision, d.startYear = row.startYear, d.endYear = row.endYear,
    d.outcome = row.outcome, d.settle = row.settle, d.fatality = row.fatality, d.fatalpre = row.fatalpre,
    d.maxdur = row.maxdur, d.mindur = row.mindur, d.hiact = row.hiact, d.hostlev = row.hostlev, d.recip = row.recip,
    d.numa = row.numa, d.numb = row.numb, d.link1 = row.link1, d.link2 = row.link2, d.link3 = row.link3,
    d.ongoing = row.ongoing, d.version = row.version, d.importStamp = $stamp
MERGE (d)-[:CITES]->(src)
