// The blind second coding of each negotiation of the reliability sample, one row per party: the target
// as a threat (`target`) or as states (`targetStates`), the approach, confidence, rationale, and the
// reason where the second coder could not code; no rows for a negotiation outside the sample.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, party: int, target: string?, targetStates: int[]?, approach: Approach?,
//   confidence: Confidence, rationale: string, reason: string?}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_SECOND_CODING]->(x:SecondCoding)-[:FOR_PARTY]->(s:State)
RETURN id, x {.id, party: s.ccode, target: head([(x)-[:TARGETS]->(t:Threat) | t.id]), .targetStates, .approach,
  .confidence, .rationale, .reason} AS node
ORDER BY id, s.ccode
