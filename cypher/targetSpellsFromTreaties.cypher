// Evidence that a state stood against a target over a range of dates, for the dyad-year export
// (src/export/dyadYearEvidence.ts): its memberships of treaties directed against a threat posed by the
// target (targetsFromTreaties) in force at some time in [from, to], with the membership's entry and exit
// and the treaty's end, so that the date of each year is applied in JS.
// params: $ccodes: int[], $from: date, $to: date
// returns: ccode: int, target: int, start: date, end: date?, ended: date?
UNWIND $ccodes AS ccode
MATCH (s:State {ccode: ccode})-[m:MEMBER_OF]->(t:Treaty)-[:DIRECTED_AGAINST]->(th:Threat)-[:POSED_BY]->(x:State)
WHERE m.entry <= date($to) AND (m.exit IS NULL OR m.exit >= date($from))
  AND (t.ended IS NULL OR t.ended >= date($from))
RETURN DISTINCT ccode, x.ccode AS target, m.entry AS start, m.exit AS end, t.ended AS ended
ORDER BY ccode, target, start, end, ended
