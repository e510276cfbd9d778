// The COW major powers at a date.
// params: $at: date
// returns: ccode: int
MATCH (s:State)-[m:MAJOR_POWER]->(:StateSystem)
WHERE m.start <= date($at) AND (m.end IS NULL OR m.end >= date($at))
RETURN DISTINCT s.ccode AS ccode
ORDER BY ccode
