// The third parties of each negotiation: states not at the table whose place was at issue.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, ccode: int, role: ThirdPartyRole, note: string}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_THIRD_PARTY]->(t:ThirdParty)-[:IS_STATE]->(s:State)
RETURN id, t {.id, ccode: s.ccode, .role, .note} AS node
ORDER BY id, s.ccode
