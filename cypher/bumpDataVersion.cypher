// Increments the graph's data version; run as the last statement of every writing transaction.
// params: $at: string (ISO 8601 timestamp)
// returns: version: int
MERGE (v:DataVersion {id: 'graph'})
SET v.version = coalesce(v.version, 0) + 1, v.updatedAt = $at
RETURN v.version AS version
