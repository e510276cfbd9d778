// Every alliance tie in force at some time in [from, to] (from = to for a single date): pairs of
// states (a < b) both members of a treaty then, with the treaty and its obligations.
// params: $from: date, $to: date
// returns: a: int, b: int, treaty: string, atopId: int?, obligations: string[]
MATCH (sa:State)-[ma:MEMBER_OF]->(t:Treaty)<-[mb:MEMBER_OF]-(sb:State)
WHERE sa.ccode < sb.ccode
  AND ma.entry <= date($to) AND (ma.exit IS NULL OR ma.exit >= date($from))
  AND mb.entry <= date($to) AND (mb.exit IS NULL OR mb.exit >= date($from))
  AND (t.ended IS NULL OR t.ended >= date($from))
RETURN DISTINCT sa.ccode AS a, sb.ccode AS b, t.id AS treaty, t.atopId AS atopId, t.obligations AS obligations
ORDER BY a, b, treaty
