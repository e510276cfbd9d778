// The threats each treaty is directed against.
// params: $ids (string[]) treaty ids
// returns: id, node {id, name, description}
UNWIND $ids AS id
MATCH (:Treaty {id: id})-[:DIRECTED_AGAINST]->(t:Threat)
RETURN id, t {.id, .name, .description} AS node
ORDER BY id, t.id
