// Import (ATOP): one membership per member row (atop5_1m), keyed on phase and entry date (a state can
// leave and re-enter within one phase), with exit date and the precision of both.
// params: $rows: {atopId: int, ccode: int, entry: date, entryPrecision: string, exit: date,
//   exitPrecision: string, phase: int}[]
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.atopId})
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[m:MEMBER_OF {phase: row.phase, entry: date(row.entry)}]->(t)
SET m.entryPrecision = row.entryPrecision, m.exit = date(row.exit), m.exitPrecision = row.exitPrecision
