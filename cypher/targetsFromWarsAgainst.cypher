// Evidence that states stood against given targets: COW wars fought on the other side from them,
// with participation inside the window [from, to]. Anchored on the targets: the batched form of
// targetsFromWars.
// Callers give one item per target, its window the union of theirs, and keep for each of their
// windows the rows whose participation dates (`start`, `end`) overlap it
// (`gatherTargetEvidence`, src/analysis/targetEvidence.ts).
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, war: string, warName: string,
//   date: date, start: date, end: date?, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})-[b:FOUGHT_IN]->(w:War)<-[a:FOUGHT_IN]-(s:State)
WHERE s.ccode IN item.holders AND a.side <> b.side AND a.start <= toDate AND (a.end IS NULL OR a.end >= fromDate)
RETURN DISTINCT s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, w.id AS war,
       w.name AS warName, w.start AS date, a.start AS start, a.end AS end,
       [(w)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, war
