// The negotiations each state was at the table of during the window [from, to], with the other
// parties, leaving out one negotiation (the one being examined), if given. The state's negotiations
// are kept to the window before their other parties are read: in one pattern Grafeo 0.6 read every
// other party of every negotiation of the state, then kept the window's.
// params: $items: {ccode: int, exclude: string?, from: date, to: date}[]
// returns: ccode: int, from: date, to: date, other: int, negotiation: string, negotiationName: string,
//   start: date, end: date, outcome: string, sources: string[]
UNWIND $items AS item
WITH item, date(item.from) AS fromDate, date(item.to) AS toDate
MATCH (s:State {ccode: item.ccode})-[:PARTY_TO]->(n:Negotiation)
WHERE n.start <= toDate AND n.end >= fromDate AND (item.exclude IS NULL OR n.id <> item.exclude)
MATCH (n)<-[:PARTY_TO]-(o:State)
WHERE o <> s
RETURN item.ccode AS ccode, item.from AS from, item.to AS to, o.ccode AS other, n.id AS negotiation,
       n.name AS negotiationName, n.start AS start, n.end AS end, n.outcome AS outcome,
       [(n)-[:CITES]->(src:Source) | src.key] AS sources
ORDER BY ccode, other, start, negotiation
