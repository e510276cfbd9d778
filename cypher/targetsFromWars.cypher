// Evidence that a state stood against a target: COW inter-state wars fought on opposite sides,
// with participation inside the window [from, to].
// params: $items: {ccode: int, from: date, targets: int[]?, to: date}[] (targets null for any target,
//   else the target ccodes wanted)
// returns: ccode: int, from: date, to: date, targets: int[]?, target: int, war: string, warName: string,
//   date: date, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
MATCH (s:State {ccode: item.ccode})-[a:FOUGHT_IN]->(w:War)
WHERE a.start <= toDate AND (a.end IS NULL OR a.end >= fromDate)
MATCH (w)<-[b:FOUGHT_IN]-(x:State)
WHERE (item.targets IS NULL OR x.ccode IN item.targets) AND a.side <> b.side
RETURN DISTINCT item.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, w.id AS war,
       w.name AS warName, w.start AS date,
       [(w)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, war
