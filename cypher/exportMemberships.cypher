// Every treaty membership in force at some time in [from, to], with the treaty's end and
// obligations, in one query: the dynamic exports pair the members of each treaty by the overlap
// of their spells (the same conditions as allianceTiesDuring, day by day).
// params: $from: date, $to: date
// returns: ccode: int, treaty: string, treatyName: string?, atopId: int?, obligations: string[], entry: date,
//   exit: date?, ended: date?
MATCH (s:State)-[m:MEMBER_OF]->(t:Treaty)
WHERE m.entry <= date($to) AND (m.exit IS NULL OR m.exit >= date($from))
  AND (t.ended IS NULL OR t.ended >= date($from))
RETURN s.ccode AS ccode, t.id AS treaty, t.name AS treatyName, t.atopId AS atopId, t.obligations AS obligations,
       m.entry AS entry, m.exit AS exit, t.ended AS ended
ORDER BY treaty, ccode, entry
