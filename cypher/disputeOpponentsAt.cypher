// The states each state was in an active militarized dispute with at a date: MID participants on
// the other side whose participation (and the state's own) spans the date.
// params: $items: {at: date, ccode: int}[]
// returns: ccode: int, at: date, other: int, kind: string, reference: string
UNWIND $items AS item
WITH item, date(item.at) AS atDate
MATCH (s:State {ccode: item.ccode})-[a:PARTICIPATED_IN]->(d:Dispute)<-[b:PARTICIPATED_IN]-(o:State)
WHERE a.sideA <> b.sideA
  AND a.start <= atDate AND (a.end IS NULL OR a.end >= atDate)
  AND b.start <= atDate AND (b.end IS NULL OR b.end >= atDate)
RETURN DISTINCT item.ccode AS ccode, item.at AS at, o.ccode AS other, 'dispute' AS kind, d.id AS reference
