// Seed: creates or updates the named regions the scope of a plan can cover.
// params: $rows: {id: string, name: string, description: string?}[]
// returns: (none)
UNWIND $rows AS row
MERGE (r:Region {id: row.id})
SET r.name = row.name, r.description = row.description
