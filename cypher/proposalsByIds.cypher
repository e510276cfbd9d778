// Proposals by id, with who made them and to whom.
// params: $ids: string[]
// returns: id: string, sequence: int, date: date, datePrecision: string, obligations: string[],
//   summary: string?, response: string, responseNote: string?, by: int, to: int[]
UNWIND $ids AS id
MATCH (by:State)-[:PROPOSED]->(p:Proposal {id: id})
RETURN p.id AS id, p.sequence AS sequence, p.date AS date, p.datePrecision AS datePrecision,
       p.obligations AS obligations, p.summary AS summary, p.response AS response,
       p.responseNote AS responseNote, by.ccode AS by,
       [(p)-[:ADDRESSED_TO]->(s:State) | s.ccode] AS to
