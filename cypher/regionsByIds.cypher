// Regions by id, for the scope of plans.
// params: $ids: string[]
// returns: id: string, name: string, description: string?
UNWIND $ids AS id
MATCH (r:Region {id: id})
RETURN r.id AS id, r.name AS name, r.description AS description
