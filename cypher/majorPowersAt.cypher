// The COW major powers at a date. Written from the state system (one node): the major-power spells
// only, not every state with its spells (Grafeo 0.6 follows the pattern as written; ten times fewer
// rows on the record). Still every spell of every time: a range on a date is not found by index.
// params: $at: date
// returns: ccode: int
MATCH (:StateSystem)<-[m:MAJOR_POWER]-(s:State)
WHERE m.start <= date($at) AND (m.end IS NULL OR m.end >= date($at))
RETURN DISTINCT s.ccode AS ccode
ORDER BY ccode
