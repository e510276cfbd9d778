// The proposals made in each negotiation, in order, with proposer and addressees.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, sequence: int, date: date, datePrecision: string,
//   obligations: string[], summary: string?, response: string, responseNote: string?, by: int, to: int[],
//   round: string?}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_PROPOSAL]->(p:Proposal)<-[:PROPOSED]-(by:State)
RETURN id, p {.id, .sequence, .date, .datePrecision, .obligations, .summary, .response, .responseNote,
  by: by.ccode,
  to: [(p)-[:ADDRESSED_TO]->(s:State) | s.ccode],
  round: head([(p)-[:MADE_IN]->(r:NegotiationRound) | r.id])} AS node
ORDER BY id, p.sequence
