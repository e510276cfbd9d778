// Seed: the threats a treaty is directed against.
// params: $rows: {threat: string, treaty: string}[]
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {id: row.treaty})
MATCH (th:Threat {id: row.threat})
MERGE (t)-[:DIRECTED_AGAINST]->(th)
