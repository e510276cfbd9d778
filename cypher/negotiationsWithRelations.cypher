// Negotiations by id (the columns of negotiationsByIds) with, as the resolver asks, their parties
// ($parties), rounds ($rounds) and proposals ($proposals): the rows of partiesOfNegotiations,
// roundsOfNegotiations and proposalsOfNegotiations, in their order; an empty list when not asked.
// `negotiation(id:)` with those fields is one round trip instead of one per level and field. Dates go
// out as ISO strings (toString), the form the stores normalise them to: Neo4j's driver then builds no
// Date object per value.
// params: $ids: string[], $parties: boolean, $rounds: boolean, $proposals: boolean
// returns: id: string, name: string, start: date, startPrecision: Precision, end: date, endPrecision: Precision,
//   outcome: Outcome, summary: string, confidence: Confidence, notes: string?, targetAtTableReason: string?,
//   startOldStyle: date?, endOldStyle: date?, startNotRecorded: boolean, inSecondCodingSample: boolean,
//   parties: {ccode: int, abbrev: string, name: string}[],
//   rounds: {id: string, sequence: int, start: date, startPrecision: Precision, end: date?,
//     endPrecision: Precision?, place: string, negotiators: string[], summary: string?}[],
//   proposals: {id: string, sequence: int, date: date, datePrecision: Precision, obligations: Obligation[],
//     summary: string, response: ProposalResponse, responseNote: string?, by: int[], to: int[], round: string?,
//     dateOldStyle: date?, negotiation: string}[]
UNWIND $ids AS id
MATCH (n:Negotiation {id: id})
CALL (n) {
  MATCH (n)<-[:PARTY_TO]-(s:State)
  WHERE $parties
  WITH s ORDER BY s.ccode
  RETURN collect(s {.ccode, .abbrev, .name}) AS parties
}
CALL (n) {
  MATCH (n)-[:HAS_ROUND]->(r:NegotiationRound)
  WHERE $rounds
  WITH r ORDER BY r.sequence
  RETURN collect(r {.id, .sequence, start: toString(r.start), .startPrecision, end: toString(r.end), .endPrecision,
    .place, .negotiators, .summary}) AS rounds
}
CALL (n) {
  MATCH (n)-[:HAS_PROPOSAL]->(p:Proposal)
  WHERE $proposals
  WITH p, coalesce(p.proposers, [(p)<-[:PROPOSED]-(b:State) | b.ccode]) AS by,
       [(p)-[:ADDRESSED_TO]->(s:State) | s.ccode] AS to, head([(p)-[:MADE_IN]->(r:NegotiationRound) | r.id]) AS round
  ORDER BY p.sequence
  RETURN collect(p {.id, .sequence, date: toString(p.date), .datePrecision, .obligations, .summary, .response,
    .responseNote, dateOldStyle: toString(p.dateOldStyle), negotiation: n.id, by: by, to: to, round: round}) AS proposals
}
RETURN n.id AS id, n.name AS name, toString(n.start) AS start, n.startPrecision AS startPrecision,
       toString(n.end) AS end, n.endPrecision AS endPrecision, n.outcome AS outcome, n.summary AS summary,
       n.confidence AS confidence, n.notes AS notes, n.targetAtTableReason AS targetAtTableReason,
       toString(n.startOldStyle) AS startOldStyle, toString(n.endOldStyle) AS endOldStyle,
       coalesce(n.startNotRecorded, false) AS startNotRecorded,
       coalesce(n.inSecondCodingSample, false) AS inSecondCodingSample,
       parties, rounds, proposals
