// Evidence that a state stood against a target: its IDEAL war plans in negotiations overlapping
// the window [from, to], each aimed at a threat posed by the target state. One path from the state
// through its plans to their negotiations, then the targets from each plan: written as two patterns
// of one MATCH (`(s)-->(w)-->(th)..., (w)<--(n)`), Grafeo 0.6 matched the second on its own, every
// node of the graph, and joined (its time grew with the graph, not with the state's plans).
// params: $items: {ccode: int, from: date, targets: int[]?, to: date}[] (targets null for any target,
//   else the target ccodes wanted)
// returns: ccode: int, from: date, to: date, targets: int[]?, target: int, threat: string, negotiation: string,
//   negotiationName: string, approach: string, date: date, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
MATCH (s:State {ccode: item.ccode})-[:HOLDS]->(w:WarPlan {kind: 'IDEAL'})<-[:HAS_WAR_PLAN]-(n:Negotiation)
WHERE n.start <= toDate AND n.end >= fromDate
MATCH (w)-[:TARGETS]->(th:Threat)-[:POSED_BY]->(x:State)
WHERE item.targets IS NULL OR x.ccode IN item.targets
RETURN item.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       n.id AS negotiation, n.name AS negotiationName, w.approach AS approach, n.start AS date,
       [(w)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, target, date, negotiation
