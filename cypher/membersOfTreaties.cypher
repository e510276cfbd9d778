// The members of each treaty with entry and exit dates and ATOP phase.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {ccode: int, abbrev: string, name: string, entry: date, exit: date?, phase: int}
UNWIND $ids AS id
MATCH (s:State)-[m:MEMBER_OF]->(:Treaty {id: id})
RETURN id, s {.ccode, .abbrev, .name, entry: m.entry, exit: m.exit, phase: m.phase} AS node
ORDER BY id, s.ccode, m.phase
