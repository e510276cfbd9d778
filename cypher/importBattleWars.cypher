// Import (CDB90): links battles to the COW war CDB90 names (cow_warno); a war not imported from COW
// yet is created with its number (importWarNamesFromBattles names it; COW wars fills it in), and the war
// cites CDB90. The import stamps each link with $stamp, so that importRemoveBattleWarLinks can then remove
// the links the file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {id: string, warNum: int}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (b:Battle {id: row.id})
MERGE (w:War {id: 'cow-war-' + toString(row.warNum)})
ON CREATE SET w.warNum = row.warNum
MERGE (b)-[p:PART_OF]->(w)
SET p.importStamp = $stamp
MERGE (w)-[:CITES]->(src)
