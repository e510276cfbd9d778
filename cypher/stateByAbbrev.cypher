// The state with this COW abbreviation (e.g. "UKG"); abbreviations are unique among COW states.
// params: $abbrev: string
// returns: ccode: int, abbrev: string, name: string
MATCH (s:State {abbrev: $abbrev})
RETURN s.ccode AS ccode, s.abbrev AS abbrev, s.name AS name
ORDER BY s.ccode
LIMIT 1
