// Import (CDB90): the COW state a battle side stood for, where its actor name maps to a ccode. The import
// stamps each link with $stamp, so that importRemoveBelligerentStates can then remove the links the file
// no longer gives.
// params: $stamp: string (this import's stamp), $rows: {ccode: int, id: string}[]
// returns: (none)
UNWIND $rows AS row
MATCH (x:Belligerent {id: row.id})
MATCH (s:State {ccode: row.ccode})
MERGE (x)-[r:REPRESENTS]->(s)
SET r.importStamp = $stamp
