// Evidence that a state stood against a target over a range of windows, for the dyad-year export
// (src/export/dyadYearEvidence.ts): the IDEAL war plans of targetsFromWarPlans in negotiations
// overlapping [from, to] (the union of the yearly windows), each with the negotiation's dates, so that
// the windows of each year are applied in JS (the same conditions as targetsFromWarPlans). From the
// state through its plans, as targetsFromWarPlans (a second pattern in the MATCH was matched over
// the whole graph).
// params: $ccodes: int[], $from: date, $to: date
// returns: ccode: int, target: int, start: date?, end: date?
UNWIND $ccodes AS ccode
MATCH (s:State {ccode: ccode})-[:HOLDS]->(w:WarPlan {kind: 'IDEAL'})<-[:HAS_WAR_PLAN]-(n:Negotiation)
WHERE n.start <= date($to) AND n.end >= date($from)
MATCH (w)-[:TARGETS]->(th:Threat)-[:POSED_BY]->(x:State)
RETURN DISTINCT ccode, x.ccode AS target, n.start AS start, n.end AS end
ORDER BY ccode, target, start, end
