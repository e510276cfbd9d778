// The states each state was at war with at a date: COW inter-state war participants on the other
// side whose participation spans (and the state's own) include the date.
// params: $items: {at: date, ccode: int}[]
// returns: ccode: int, at: date, other: int, kind: string, reference: string
UNWIND $items AS item
WITH item, date(item.at) AS atDate
MATCH (s:State {ccode: item.ccode})-[a:FOUGHT_IN]->(w:War)<-[b:FOUGHT_IN]-(o:State)
WHERE a.side <> b.side
  AND a.start <= atDate AND (a.end IS NULL OR a.end >= atDate)
  AND b.start <= atDate AND (b.end IS NULL OR b.end >= atDate)
RETURN DISTINCT item.ccode AS ccode, item.at AS at, o.ccode AS other, 'war' AS kind, w.name AS reference
