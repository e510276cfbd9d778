// Import (COW wars): wars by COW war number, their span over the participants' spells, citing the data set.
// params: $source: string (source key), $rows: {end: date?, endPrecision: string?, endYear: int?, id: string,
//   name: string, start: date?, startPrecision: string?, startYear: int?, warNum: int, warType: int?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MERGE (w:War {id: row.id})
SET w.warNum = row.warNum, w.name = row.name, w.warType = row.warType, w.start = date(row.start),
    w.startPrecision = row.startPrecision, w.end = date(row.end), w.endPrecision = row.endPrecision,
    w.startYear = row.startYear, w.endYear = row.endYear
MERGE (w)-[:CITES]->(src)
