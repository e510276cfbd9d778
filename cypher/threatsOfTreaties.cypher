// The threats each treaty is directed against.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {id: string, name: string, description: string?}
UNWIND $ids AS id
MATCH (:Treaty {id: id})-[:DIRECTED_AGAINST]->(t:Threat)
RETURN id, t {.id, .name, .description} AS node
ORDER BY id, t.id
