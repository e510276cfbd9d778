// The recorded outside options that each negotiation realised: the earlier talks in which a party of
// this negotiation had named it as its alternative.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {negotiation: string, party: int, option: string}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})<-[:REALISED_IN]-(o:RecordedOption)<-[:HAS_RECORDED_OPTION]-(n:Negotiation)
MATCH (s:State)-[:WEIGHED]->(o)
RETURN id, {negotiation: n.id, party: s.ccode, option: o.id} AS node
ORDER BY id, n.id, s.ccode
