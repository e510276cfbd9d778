// The parties of each negotiation for which the works checked record no outside option, with the note.
// params: $ids: string[] (negotiation ids)
// returns: id: string, node: {id: string, party: int, note: string?}
UNWIND $ids AS id
MATCH (:Negotiation {id: id})-[:HAS_OPTIONS_NOT_DISCUSSED]->(o:OptionsNotDiscussed)-[:FOR_PARTY]->(s:State)
RETURN id, o {.id, party: s.ccode, .note} AS node
ORDER BY id, s.ccode
