// Who perceived each threat, over which period, on which sources.
// params: $ids: string[] (threat ids)
// returns: id: string, node: {ccode: int, from: date, to: date?, note: string?, sources: string[]}
UNWIND $ids AS id
MATCH (:Threat {id: id})<-[p:PERCEIVES]-(s:State)
RETURN id, {ccode: s.ccode, from: p.from, to: p.to, note: p.note, sources: p.sources} AS node
ORDER BY id, p.from, s.ccode
