// Who perceived each threat, over which period, on which sources.
// params: $ids (string[]) threat ids
// returns: id, node {ccode, from, to, note, sources}
UNWIND $ids AS id
MATCH (s:State)-[p:PERCEIVES]->(:Threat {id: id})
RETURN id, {ccode: s.ccode, from: p.from, to: p.to, note: p.note, sources: p.sources} AS node
ORDER BY id, p.from, s.ccode
