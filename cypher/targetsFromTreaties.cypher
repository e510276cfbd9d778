// Evidence that a state stood against a target: treaties it was a member of at the date `to`
// that are directed against a threat posed by the target state.
// params: $items: {ccode: int, from: date, targets: int[]?, to: date}[] (targets null for any target,
//   else the target ccodes wanted)
// returns: ccode: int, from: date, to: date, targets: int[]?, target: int, threat: string, treaty: string,
//   treatyName: string?, atopId: int?, date: date, sources: string[]
UNWIND $items AS item
WITH item, date(item.to) AS toDate
MATCH (s:State {ccode: item.ccode})-[m:MEMBER_OF]->(t:Treaty)-[:DIRECTED_AGAINST]->(th:Threat)-[:POSED_BY]->(x:State)
WHERE (item.targets IS NULL OR x.ccode IN item.targets) AND m.entry <= toDate AND (m.exit IS NULL OR m.exit >= toDate)
  AND (t.ended IS NULL OR t.ended >= toDate)
RETURN DISTINCT item.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       t.id AS treaty, t.name AS treatyName, t.atopId AS atopId, t.signed AS date,
       [(t)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, treaty
