// Every state with all its spells of COW state-system membership and of major-power status, in
// one query; a state with no spell has an empty list. Who was in the system at a date is decided
// from these spells by `inSystemAt` (src/domain/stateSystem.ts): `readStatesAvailableAt`
// (src/loaders/statesAvailable.ts) for the analyses, the dynamic exports clipping them to the range.
// params: (none)
// returns: ccode: int, abbrev: string, name: string, spells: {end: date, kind: string, start: date}[]
MATCH (s:State)
RETURN s.ccode AS ccode, s.abbrev AS abbrev, s.name AS name,
       [(s)-[m:IN_SYSTEM|MAJOR_POWER]->(:StateSystem) | {kind: type(m), start: m.start, end: m.end}] AS spells
ORDER BY ccode
