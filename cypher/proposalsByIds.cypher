// Proposals by id, with who made them (one state or the joint proposers), to whom, in which negotiation.
// params: $ids: string[]
// returns: id: string, sequence: int, date: date, datePrecision: Precision, obligations: Obligation[],
//   summary: string, response: ProposalResponse, responseNote: string?, by: int[], to: int[], round: string?,
//   negotiation: string, dateOldStyle: date?
UNWIND $ids AS id
MATCH (p:Proposal {id: id})<-[:HAS_PROPOSAL]-(n:Negotiation)
RETURN p.id AS id, p.sequence AS sequence, p.date AS date, p.datePrecision AS datePrecision,
       p.obligations AS obligations, p.summary AS summary, p.response AS response,
       p.responseNote AS responseNote, coalesce(p.proposers, [(p)<-[:PROPOSED]-(b:State) | b.ccode]) AS by,
       [(p)-[:ADDRESSED_TO]->(s:State) | s.ccode] AS to,
       head([(p)-[:MADE_IN]->(r:NegotiationRound) | r.id]) AS round, n.id AS negotiation, p.dateOldStyle AS dateOldStyle
