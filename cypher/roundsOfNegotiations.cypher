// The rounds of each negotiation, in sequence.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, sequence: int, start: date, startPrecision: Precision, end: date?,
//   endPrecision: Precision?, place: string, negotiators: string[], summary: string?}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_ROUND]->(r:NegotiationRound)
RETURN id, r {.id, .sequence, .start, .startPrecision, .end, .endPrecision, .place, .negotiators, .summary} AS node
ORDER BY id, r.sequence
