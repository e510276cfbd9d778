// Evidence that a state stood against a target: it perceived a threat posed by the target state
// at the date `to` (curated PERCEIVES periods).
// params: $items: {ccode: int, from: date, targets: int[]?, to: date}[] (targets null for any target,
//   else the target ccodes wanted)
// returns: ccode: int, from: date, to: date, targets: int[]?, target: int, threat: string, threatName: string,
//   date: date, sources: string[]
UNWIND $items AS item
WITH item, date(item.to) AS toDate
MATCH (s:State {ccode: item.ccode})-[p:PERCEIVES]->(th:Threat)-[:POSED_BY]->(x:State)
WHERE (item.targets IS NULL OR x.ccode IN item.targets) AND p.from <= toDate AND (p.to IS NULL OR p.to >= toDate)
RETURN item.ccode AS ccode, item.from AS from, item.to AS to, item.targets AS targets, x.ccode AS target, th.id AS threat,
       th.name AS threatName, p.from AS date, p.sources AS sources
ORDER BY ccode, target, date, threat
