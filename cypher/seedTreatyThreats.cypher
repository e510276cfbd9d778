// Seed: the threats a treaty is directed against.
// params: $rows (list of {treaty, threat})
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {id: row.treaty})
MATCH (th:Threat {id: row.threat})
MERGE (t)-[:DIRECTED_AGAINST]->(th)
