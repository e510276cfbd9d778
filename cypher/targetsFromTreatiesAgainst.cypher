// Evidence that states stood against given targets: treaties they were members of at the date
// `to`, directed against a threat the target poses. Anchored on the targets: the batched form of
// targetsFromTreaties for candidate allies.
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, threat: string, treaty: string,
//   treatyName: string?, atopId: int?, date: date, sources: string[]
UNWIND $items AS item
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})<-[:POSED_BY]-(th:Threat)<-[:DIRECTED_AGAINST]-(t:Treaty)<-[m:MEMBER_OF]-(s:State)
WHERE s.ccode IN item.holders AND m.entry <= date(item.to) AND (m.exit IS NULL OR m.exit >= date(item.to))
  AND (t.ended IS NULL OR t.ended >= date(item.to))
RETURN DISTINCT s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       t.id AS treaty, t.name AS treatyName, t.atopId AS atopId, t.signed AS date,
       [(t)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, treaty
