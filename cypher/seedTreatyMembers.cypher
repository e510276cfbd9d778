// Seed: treaty membership (entry at signing unless the row says otherwise) and the threats named.
// params: $rows (list of {treaty, ccode, entry, exit, phase})
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {id: row.treaty})
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[m:MEMBER_OF {phase: row.phase}]->(t)
SET m.entry = date(row.entry), m.exit = date(row.exit)
