// The war plans of each negotiation (IDEAL entry and later plans, PROPOSED plans), with holder and
// target, scope, form, the proposal a proposed plan came with, and the plan's alternative codings.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, kind: WarPlanKind, coding: Coding?, fromRound: int?, approach: Approach,
//   justification: string?, rationale: string?, confidence: Confidence, party: int, target: string, form: CommitmentForm?,
//   scopeRegions: string[]?, scopeStates: int[]?, scopeNote: string?, targetNotPerceived: string?, proposal: string?,
//   alternatives: {id: string, approach: Approach, rationale: string?, confidence: Confidence, party: int, target: string,
//   form: CommitmentForm?, scopeRegions: string[]?, scopeStates: int[]?, scopeNote: string?}[]}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_WAR_PLAN]->(w:WarPlan)-[:TARGETS]->(t:Threat)
MATCH (w)<-[:HOLDS]-(s:State)
RETURN id, w {.id, .kind, .coding, .fromRound, .approach, .justification, .rationale, .confidence, party: s.ccode,
  target: t.id, .form, .scopeRegions, .scopeStates, .scopeNote, .targetNotPerceived,
  proposal: head([(w)<-[:PUTS_FORWARD]-(p:Proposal) | p.id]),
  alternatives: [(w)-[:HAS_ALTERNATIVE]->(a:WarPlan)-[:TARGETS]->(at:Threat) | a {.id, .approach, .rationale, .confidence,
    party: s.ccode, target: at.id, .form, .scopeRegions, .scopeStates, .scopeNote}]} AS node
ORDER BY id, s.ccode, w.kind, w.fromRound, w.id
