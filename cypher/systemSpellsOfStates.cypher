// Each state's spells of COW state-system membership and of major-power status.
// params: $ids: int[] (ccodes)
// returns: id: int, node: {kind: string, start: date, end: date?}
UNWIND $ids AS id
MATCH (:State {ccode: id})-[m:IN_SYSTEM|MAJOR_POWER]->(:StateSystem)
RETURN id, {kind: type(m), start: m.start, end: m.end} AS node
ORDER BY id, m.start
