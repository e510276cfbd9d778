// The proposals made in each negotiation, in order, with the proposer(s) and addressees.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, sequence: int, date: date, datePrecision: Precision,
//   obligations: Obligation[], summary: string, response: ProposalResponse, responseNote: string?, by: int[], to: int[],
//   round: string?, dateOldStyle: date?, negotiation: string}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_PROPOSAL]->(p:Proposal)
RETURN id, p {.id, .sequence, .date, .datePrecision, .obligations, .summary, .response, .responseNote,
  .dateOldStyle, negotiation: id,
  by: coalesce(p.proposers, [(p)<-[:PROPOSED]-(b:State) | b.ccode]),
  to: [(p)-[:ADDRESSED_TO]->(s:State) | s.ccode],
  round: head([(p)-[:MADE_IN]->(r:NegotiationRound) | r.id])} AS node
ORDER BY id, p.sequence
