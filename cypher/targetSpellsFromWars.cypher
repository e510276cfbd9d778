// Evidence that a state stood against a target over a range of windows, for the dyad-year export
// (src/export/dyadYearEvidence.ts): COW inter-state wars fought on opposite sides (targetsFromWars)
// with the state's participation overlapping [from, to], with that participation's dates, so that the
// windows of each year are applied in JS.
// params: $ccodes: int[], $from: date, $to: date
// returns: ccode: int, target: int, start: date, end: date?
UNWIND $ccodes AS ccode
MATCH (s:State {ccode: ccode})-[a:FOUGHT_IN]->(w:War)
WHERE a.start <= date($to) AND (a.end IS NULL OR a.end >= date($from))
MATCH (w)<-[b:FOUGHT_IN]-(x:State)
WHERE a.side <> b.side
RETURN DISTINCT ccode, x.ccode AS target, a.start AS start, a.end AS end
ORDER BY ccode, target, start, end
