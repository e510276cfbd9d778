// The graph's data version: how many seed and import transactions have written to it (0 before any).
// params: (none)
// returns: version: int
OPTIONAL MATCH (v:DataVersion {id: 'graph'})
RETURN coalesce(v.version, 0) AS version
