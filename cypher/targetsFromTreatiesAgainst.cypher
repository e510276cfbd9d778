// Evidence that states stood against given targets: treaties they were members of at some date in
// [from, to], directed against a threat the target poses, with the dates the membership holds
// (`start`, and `exit` or the treaty's `ended`). Anchored on the targets: the batched form of
// targetsFromTreaties for candidate allies. Callers give one item per target, [from, to]
// spanning the dates they read at, and keep for each date the rows whose membership covers it
// (`gatherTargetEvidence`, src/analysis/targetEvidence.ts).
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, threat: string, treaty: string,
//   treatyName: string?, atopId: int?, date: date, start: date, exit: date?, ended: date?, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})<-[:POSED_BY]-(th:Threat)<-[:DIRECTED_AGAINST]-(t:Treaty)<-[m:MEMBER_OF]-(s:State)
WHERE s.ccode IN item.holders AND m.entry <= toDate AND (m.exit IS NULL OR m.exit >= fromDate)
  AND (t.ended IS NULL OR t.ended >= fromDate)
RETURN DISTINCT s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       t.id AS treaty, t.name AS treatyName, t.atopId AS atopId, t.signed AS date, m.entry AS start, m.exit AS exit,
       t.ended AS ended, [(t)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, treaty
