// Import (COW states): creates or updates states by ccode with COW's abbreviation and name, citing the data set.
// params: $source: string (source key), $rows: {abbrev: string, ccode: int, name: string}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MERGE (s:State {ccode: row.ccode})
SET s.abbrev = row.abbrev, s.name = row.name
MERGE (s)-[:CITES]->(src)
