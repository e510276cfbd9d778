// Seed: removes the rounds, proposals, war plans, recorded outside options, third parties, plans left
// unknown, options not discussed and second codings of the given negotiations before they are
// re-written (seedClearAlternatives first removes the alternative codings hanging off plans and
// options), so that a curator's deletion in seed/ is not left behind.
// params: $ids: string[] (negotiation ids)
// returns: (none)
UNWIND $ids AS id
MATCH (n:Negotiation {id: id})-[:HAS_ROUND|HAS_PROPOSAL|HAS_WAR_PLAN|HAS_RECORDED_OPTION|HAS_THIRD_PARTY|HAS_PLAN_UNKNOWN|HAS_OPTIONS_NOT_DISCUSSED|HAS_SECOND_CODING]->(x)
DETACH DELETE x
