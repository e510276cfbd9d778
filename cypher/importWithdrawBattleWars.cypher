// Import (CDB90), after the battles and links the file no longer holds are removed in the same
// transaction: a war no CDB90 battle is PART_OF any more no longer cites CDB90 (any version: every Source
// whose key starts with $sourcePrefix). CDB90 sets nothing else on a war COW wars holds; importRemoveWars
// then removes a war no data set cites any more.
// params: $sourcePrefix: string (key prefix of the data set's Sources, every version)
// returns: (none)
MATCH (w:War)-[c:CITES]->(src:Source)
WHERE src.key STARTS WITH $sourcePrefix AND NOT EXISTS { MATCH (:Battle)-[:PART_OF]->(w) }
DELETE c
