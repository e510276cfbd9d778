// Evidence that states stood against given targets: curated perceptions of a threat the target
// poses, held at some date in [from, to], with their dates (`date` = from, `until`). Anchored on the
// targets: the batched form of targetsFromPerceptions. Callers give one item per target,
// [from, to] spanning the dates they read at, and keep for each date the rows that cover it
// (`gatherTargetEvidence`, src/analysis/targetEvidence.ts).
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, threat: string, threatName: string,
//   date: date, until: date?, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})<-[:POSED_BY]-(th:Threat)<-[p:PERCEIVES]-(s:State)
WHERE s.ccode IN item.holders AND p.from <= toDate AND (p.to IS NULL OR p.to >= fromDate)
RETURN s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       th.name AS threatName, p.from AS date, p.to AS until, p.sources AS sources
ORDER BY ccode, target, date, threat
