// Import (COW wars): wars by COW war number, their span over the participants' spells, citing the data set.
// A war CDB90 created first (importBattleWars) gets COW's name. The import stamps each war with $stamp, so
// that importWithdrawWars can then withdraw COW's part of the wars the file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {end: date?, endPrecision: string?, endYear: int?, id: string,
//   name: string, start: date?, startPrecision: string?, startYear: int?, warNum: int, warType: int?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MERGE (w:War {id: row.id})
SET w.warNum = row.warNum, w.name = row.name, w.warType = row.warType, w.start = date(row.start),
    w.startPrecision = row.startPrecision, w.end = date(row.end), w.endPrecision = row.endPrecision,
    w.startYear = row.startYear, w.endYear = row.endYear, w.importStamp = $stamp
MERGE (w)-[:CITES]->(src)
