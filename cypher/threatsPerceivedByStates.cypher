// The threats each state perceived, with the period.
// params: $ccodes: int[]
// returns: id: int, node: {threat: string, ccode: int, from: date, to: date?, note: string?,
//   sources: string[]}
UNWIND $ccodes AS id
MATCH (:State {ccode: id})-[p:PERCEIVES]->(t:Threat)
RETURN id, {threat: t.id, ccode: id, from: p.from, to: p.to, note: p.note, sources: p.sources} AS node
ORDER BY id, p.from, t.id
