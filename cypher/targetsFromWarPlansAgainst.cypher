// Evidence that states stood against given targets: their IDEAL war plans aimed at the targets, in
// negotiations overlapping the window [from, to]. Anchored on the targets (few) rather than the
// holders (many): the batched form of targetsFromWarPlans for candidate allies. One path from the
// target through the plans aimed at it to their negotiations, then each plan's holder: written as two
// patterns of one MATCH (`(x)<--(th)<--(w)<--(s), (w)<--(n)`), Grafeo 0.6 matched the second on its
// own, every node of the graph, and joined: its time grew with the graph (exponent 0.92 from x1 to
// x100), not with the plans aimed at the targets.
// Callers give one item per target, its window the union of theirs, and keep for each of their
// windows the rows whose negotiation's dates (`date`, `end`) overlap it
// (`gatherTargetEvidence`, src/analysis/targetEvidence.ts).
// params: $items: {from: date, holders: int[], targets: int[],
//   to: date}[] (holders and targets are ccode lists)
// returns: ccode: int, from: date, to: date, targets: int[], target: int, threat: string,
//   negotiation: string, negotiationName: string, approach: string, date: date, end: date, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
UNWIND item.targets AS tc
MATCH (x:State {ccode: tc})<-[:POSED_BY]-(th:Threat)<-[:TARGETS]-(w:WarPlan {kind: 'IDEAL'})<-[:HAS_WAR_PLAN]-(n:Negotiation)
WHERE n.start <= toDate AND n.end >= fromDate
MATCH (w)<-[:HOLDS]-(s:State)
WHERE s.ccode IN item.holders
RETURN s.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       n.id AS negotiation, n.name AS negotiationName, w.approach AS approach, n.start AS date, n.end AS end,
       [(w)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, negotiation
