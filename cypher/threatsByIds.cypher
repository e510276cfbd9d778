// Threats by id, for the threat loader.
// params: $ids: string[]
// returns: id: string, name: string, description: string?
UNWIND $ids AS id
MATCH (t:Threat {id: id})
RETURN t.id AS id, t.name AS name, t.description AS description
