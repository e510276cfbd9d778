// Import (COW states): spells of membership of the state system, one IN_SYSTEM per spell, keyed on its start.
// The import stamps each spell with $stamp, so that importRemoveSystemSpells can then remove what the file
// no longer holds.
// params: $stamp: string (this import's stamp), $rows: {ccode: int, end: date?, start: date}[]
// returns: (none)
MERGE (sys:StateSystem {id: 'cow'})
ON CREATE SET sys.name = 'Correlates of War interstate system'
WITH sys
UNWIND $rows AS row
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[m:IN_SYSTEM {start: date(row.start)}]->(sys)
SET m.end = date(row.end), m.importStamp = $stamp
