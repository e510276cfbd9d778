// Threats by id, for the threat loader.
// params: $ids (string[])
// returns: id, name, description
UNWIND $ids AS id
MATCH (t:Threat {id: id})
RETURN t.id AS id, t.name AS name, t.description AS description
