// Evidence that a state stood against a target: a strategic rivalry with it active in the year of
// the date `to` (Thompson–Dreyer or Thompson–Sakuwa–Suhas).
// params: $items: {ccode: int, from: date, targets: int[]?, to: date,
//   toYear: int}[] (targets null for any target, else the target ccodes wanted)
// returns: ccode: int, from: date, to: date, targets: int[]?, target: int, rivalry: string, rivalryName: string,
//   dataset: string, startYear: int, sources: string[]
UNWIND $items AS item
MATCH (s:State {ccode: item.ccode})-[:RIVAL_IN]->(r:Rivalry)<-[:RIVAL_IN]-(x:State)
WHERE (item.targets IS NULL OR x.ccode IN item.targets) AND x.ccode <> s.ccode AND r.startYear <= item.toYear AND (r.endYear IS NULL OR r.endYear >= item.toYear)
RETURN item.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, r.id AS rivalry,
       r.name AS rivalryName, r.dataset AS dataset, r.startYear AS startYear,
       [(r)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, startYear, rivalry
