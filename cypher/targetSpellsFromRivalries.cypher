// Evidence that a state stood against a target over a range of years, for the dyad-year export
// (src/export/dyadYearEvidence.ts): strategic rivalries with it (targetsFromRivalries) active at some
// time in [fromYear, toYear], with their first and last year, so that the year is applied in JS.
// params: $ccodes: int[], $fromYear: int, $toYear: int
// returns: ccode: int, target: int, startYear: int, endYear: int?
UNWIND $ccodes AS ccode
MATCH (s:State {ccode: ccode})-[:RIVAL_IN]->(r:Rivalry)<-[:RIVAL_IN]-(x:State)
WHERE x.ccode <> s.ccode AND r.startYear <= $toYear AND (r.endYear IS NULL OR r.endYear >= $fromYear)
RETURN DISTINCT ccode, x.ccode AS target, r.startYear AS startYear, r.endYear AS endYear
ORDER BY ccode, target, startYear, endYear
