// Evidence that states stood against given targets: COW wars fought on the other side from them,
// with participation inside the window [from, to]. Anchored on the targets: the batched form of
// targetsFromWars.
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, war: string, warName: string,
//   date: date, sources: string[]
UNWIND $items AS item
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})-[b:FOUGHT_IN]->(w:War)<-[a:FOUGHT_IN]-(s:State)
WHERE s.ccode IN item.holders AND a.side <> b.side AND a.start <= date(item.to) AND (a.end IS NULL OR a.end >= date(item.from))
RETURN DISTINCT s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, w.id AS war,
       w.name AS warName, w.start AS date,
       [(w)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, war
