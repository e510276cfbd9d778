// Import (CDB90): the COW state a battle side stood for, where its actor name maps to a ccode.
// params: $rows: {ccode: int, id: string}[]
// returns: (none)
UNWIND $rows AS row
MATCH (x:Belligerent {id: row.id})
MATCH (s:State {ccode: row.ccode})
MERGE (x)-[:REPRESENTS]->(s)
