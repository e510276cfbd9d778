// The threats each state perceived, with the period.
// params: $ccodes (int[])
// returns: id, node {threat, ccode, from, to, note, sources}
UNWIND $ccodes AS id
MATCH (:State {ccode: id})-[p:PERCEIVES]->(t:Threat)
RETURN id, {threat: t.id, ccode: id, from: p.from, to: p.to, note: p.note, sources: p.sources} AS node
ORDER BY id, p.from, t.id
