// Evidence that a state stood against a target over a range of dates, for the dyad-year export
// (src/export/dyadYearEvidence.ts): curated perceptions of a threat posed by the target
// (targetsFromPerceptions) at some time in [from, to], with their dates, so that the date of each year
// is applied in JS.
// params: $ccodes: int[], $from: date, $to: date
// returns: ccode: int, target: int, start: date, end: date?
UNWIND $ccodes AS ccode
MATCH (s:State {ccode: ccode})-[p:PERCEIVES]->(th:Threat)-[:POSED_BY]->(x:State)
WHERE p.from <= date($to) AND (p.to IS NULL OR p.to >= date($from))
RETURN DISTINCT ccode, x.ccode AS target, p.from AS start, p.to AS end
ORDER BY ccode, target, start, end
