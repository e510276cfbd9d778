// The outside options each negotiation's parties weighed, as the record gives them, with the ally,
// the negotiation in which the option was taken, and the option's alternative codings.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, party: int, kind: OutsideOptionKind, ally: int?, attractiveness: Attractiveness,
//   evidence: string?, confidence: Confidence, realisedIn: string?, alternatives: {id: string, kind: OutsideOptionKind,
//   ally: int?, attractiveness: Attractiveness, rationale: string?, confidence: Confidence}[]}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_RECORDED_OPTION]->(o:RecordedOption)<-[:WEIGHED]-(s:State)
RETURN id, o {.id, party: s.ccode, .kind, ally: head([(o)-[:WITH_ALLY]->(a:State) | a.ccode]), .attractiveness,
  .evidence, .confidence, realisedIn: head([(o)-[:REALISED_IN]->(r:Negotiation) | r.id]),
  alternatives: [(o)-[:HAS_ALTERNATIVE]->(x:RecordedOption) | x {.id, .kind, .ally, .attractiveness, .rationale, .confidence}]} AS node
ORDER BY id, s.ccode, o.id
