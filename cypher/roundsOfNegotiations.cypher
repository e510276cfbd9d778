// The rounds of each negotiation, in sequence.
// params: $ids (string[]) negotiation ids
// returns: id, node {id, sequence, start, startPrecision, end, endPrecision, place, negotiators, summary}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_ROUND]->(r:NegotiationRound)
RETURN id, r {.id, .sequence, .start, .startPrecision, .end, .endPrecision, .place, .negotiators, .summary} AS node
ORDER BY id, r.sequence
