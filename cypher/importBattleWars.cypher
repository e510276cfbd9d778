// Import (CDB90): links battles to the COW war CDB90 names (cow_warno); a war not imported from COW
// yet is created with its number and CDB90's name for it (COW wars fills it in), and the war cites CDB90.
// params: $source: string (source key), $rows: {cowWarName: string?, id: string, warNum: int}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (b:Battle {id: row.id})
MERGE (w:War {id: 'cow-war-' + toString(row.warNum)})
ON CREATE SET w.warNum = row.warNum, w.name = row.cowWarName
MERGE (b)-[:PART_OF]->(w)
MERGE (w)-[:CITES]->(src)
