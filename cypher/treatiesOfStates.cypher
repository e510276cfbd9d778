// The treaties each state was a member of, with entry, exit and phase.
// params: $ccodes: int[]
// returns: id: int, node: {treaty: string, entry: date, exit: date?, phase: int}
UNWIND $ccodes AS id
MATCH (:State {ccode: id})-[m:MEMBER_OF]->(t:Treaty)
RETURN id, {treaty: t.id, entry: m.entry, exit: m.exit, phase: m.phase} AS node
ORDER BY id, t.signed, t.id, m.phase
