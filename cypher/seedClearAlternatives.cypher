// Seed: removes the alternative codings of the war plans and recorded options of the given
// negotiations (run before seedClearNegotiations, which removes the plans and options themselves).
// params: $ids: string[] (negotiation ids)
// returns: (none)
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_WAR_PLAN|HAS_RECORDED_OPTION]->()-[:HAS_ALTERNATIVE]->(a)
DETACH DELETE a
