// The states that could act at each date: members of the state system then. Before the COW states
// are imported (no IN_SYSTEM data at all), every state counts, flagged systemKnown false.
// params: $dates: date[] (ISO dates)
// returns: at: date, ccode: int, abbrev: string, name: string, systemKnown: boolean
OPTIONAL MATCH (:State)-[sys:IN_SYSTEM]->(:StateSystem)
WITH count(sys) > 0 AS systemKnown
MATCH (s:State)
WITH systemKnown, s, [(s)-[m:IN_SYSTEM]->(:StateSystem) | m] AS spells
UNWIND $dates AS at
WITH systemKnown, at, s, spells
WHERE (NOT systemKnown AND size(spells) = 0)
   OR any(m IN spells WHERE m.start <= date(at) AND (m.end IS NULL OR m.end >= date(at)))
RETURN at, s.ccode AS ccode, s.abbrev AS abbrev, s.name AS name, systemKnown
ORDER BY at, ccode
