// Import: makes sure a state exists for every ccode a data set names. A ccode no COW state list has
// named yet gets the abbreviation and name the data set gives, or a placeholder name `ccode N`;
// importing COW states (or the seed) names it properly. Existing states are left as they are.
// params: $rows: {abbrev: string?, ccode: int, name: string?}[]
// returns: (none)
UNWIND $rows AS row
MERGE (s:State {ccode: row.ccode})
ON CREATE SET s.abbrev = coalesce(row.abbrev, ''), s.name = coalesce(row.name, 'ccode ' + toString(row.ccode))
