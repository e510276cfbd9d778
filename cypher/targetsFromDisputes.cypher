// Evidence that a state stood against a target: militarized disputes (MID) in which they were on
// opposite sides, with participation inside the window [from, to].
// params: $items: {ccode: int, from: date, targets: int[]?, to: date}[] (targets null for any target,
//   else the target ccodes wanted)
// returns: ccode: int, from: date, to: date, targets: int[]?, target: int, dispute: string, dispnum: int,
//   hostlev: int, date: date, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
MATCH (s:State {ccode: item.ccode})-[a:PARTICIPATED_IN]->(d:Dispute)
WHERE a.start <= toDate AND (a.end IS NULL OR a.end >= fromDate)
MATCH (d)<-[b:PARTICIPATED_IN]-(x:State)
WHERE (item.targets IS NULL OR x.ccode IN item.targets) AND a.sideA <> b.sideA
RETURN DISTINCT item.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, d.id AS dispute,
       d.dispnum AS dispnum, d.hostlev AS hostlev, d.start AS date,
       [(d)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, dispute
