// The proposals made in each negotiation, in order, with proposer and addressees.
// params: $ids (string[]) negotiation ids
// returns: id, node {id, sequence, date, datePrecision, obligations, summary, response, responseNote, by, to, round}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_PROPOSAL]->(p:Proposal)<-[:PROPOSED]-(by:State)
RETURN id, p {.id, .sequence, .date, .datePrecision, .obligations, .summary, .response, .responseNote,
  by: by.ccode,
  to: [(p)-[:ADDRESSED_TO]->(s:State) | s.ccode],
  round: head([(p)-[:MADE_IN]->(r:NegotiationRound) | r.id])} AS node
ORDER BY id, p.sequence
