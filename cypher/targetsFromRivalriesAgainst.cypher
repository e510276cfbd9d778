// Evidence that states stood against given targets: strategic rivalries with them active in some
// year of [fromYear, toYear] (the years of from and to), with their years (`startYear`, `endYear`).
// Anchored on the targets: the batched form of targetsFromRivalries. Callers give one item per
// target, [from, to] spanning the dates they read at, and keep for each date the rows active in
// its year (`gatherTargetEvidence`, src/analysis/targetEvidence.ts).
// params: $items: {from: date, fromYear: int, holders: int[], targets: int[], to: date,
//   toYear: int}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, rivalry: string,
//   rivalryName: string, dataset: string, startYear: int, endYear: int?, sources: string[]
UNWIND $items AS item
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})-[:RIVAL_IN]->(r:Rivalry)<-[:RIVAL_IN]-(s:State)
WHERE s.ccode IN item.holders AND s.ccode <> x.ccode AND r.startYear <= item.toYear AND (r.endYear IS NULL OR r.endYear >= item.fromYear)
RETURN s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, r.id AS rivalry,
       r.name AS rivalryName, r.dataset AS dataset, r.startYear AS startYear, r.endYear AS endYear,
       [(r)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, startYear, rivalry
