// Seed: which state perceived which threat over which period (a time-bound relationship).
// params: $rows: {ccode: int, from: date, note: string?, sources: string[], threat: string, to: date?}[]
// returns: (none)
UNWIND $rows AS row
MATCH (t:Threat {id: row.threat})
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[p:PERCEIVES {from: date(row.from)}]->(t)
SET p.to = date(row.to), p.note = row.note, p.sources = row.sources
