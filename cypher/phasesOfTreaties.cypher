// The ATOP phases of each treaty (atop5_1aph: a new phase begins when the terms were renegotiated;
// a single-phase alliance has phase 0), ordered by phase, with start and end (and their precision),
// the obligations any member undertook in that phase and whether any is conditional. A treaty ATOP
// does not code has none.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {phase: int, start: date, startPrecision: Precision, end: date?,
//   endPrecision: Precision?, obligations: Obligation[], conditional: boolean}
UNWIND $ids AS id
MATCH (:Treaty {id: id})-[:HAS_PHASE]->(p:TreatyPhase)
RETURN id, p {.phase, .start, .startPrecision, .end, .endPrecision, .obligations, .conditional} AS node
ORDER BY id, p.phase
