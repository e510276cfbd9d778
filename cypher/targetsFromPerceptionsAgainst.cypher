// Evidence that states stood against given targets: curated perceptions of a threat the target
// poses, at the date `to`. Anchored on the targets: the batched form of targetsFromPerceptions.
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, threat: string, threatName: string,
//   date: date, sources: string[]
UNWIND $items AS item
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})<-[:POSED_BY]-(th:Threat)<-[p:PERCEIVES]-(s:State)
WHERE s.ccode IN item.holders AND p.from <= date(item.to) AND (p.to IS NULL OR p.to >= date(item.to))
RETURN s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       th.name AS threatName, p.from AS date, p.sources AS sources
ORDER BY ccode, target, date, threat
