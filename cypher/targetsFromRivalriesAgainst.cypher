// Evidence that states stood against given targets: strategic rivalries with them active in the
// year of `to`. Anchored on the targets: the batched form of targetsFromRivalries.
// params: $items: {from: date, holders: int[], targets: int[], to: date,
//   toYear: int}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, rivalry: string,
//   rivalryName: string, dataset: string, startYear: int, sources: string[]
UNWIND $items AS item
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})-[:RIVAL_IN]->(r:Rivalry)<-[:RIVAL_IN]-(s:State)
WHERE s.ccode IN item.holders AND s.ccode <> x.ccode AND r.startYear <= item.toYear AND (r.endYear IS NULL OR r.endYear >= item.toYear)
RETURN s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, r.id AS rivalry,
       r.name AS rivalryName, r.dataset AS dataset, r.startYear AS startYear,
       [(r)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, startYear, rivalry
