// States by COW country code, for the state loader.
// params: $ccodes: int[]
// returns: ccode: int, abbrev: string, name: string
UNWIND $ccodes AS ccode
MATCH (s:State {ccode: ccode})
RETURN s.ccode AS ccode, s.abbrev AS abbrev, s.name AS name
