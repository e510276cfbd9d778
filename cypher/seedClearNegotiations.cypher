// Seed: removes the rounds, proposals and war plans of the given negotiations before they are
// re-written, so that a curator's deletion in seed/ is not left behind in the graph.
// params: $ids: string[] (negotiation ids)
// returns: (none)
UNWIND $ids AS id
MATCH (n:Negotiation {id: id})-[:HAS_ROUND|HAS_PROPOSAL|HAS_WAR_PLAN]->(x)
DETACH DELETE x
