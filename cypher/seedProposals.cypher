// Seed: creates proposals with who made them (one state, or the joint proposers), to whom, in which round,
// and their sources.
// params: $rows: {by: int[], date: date, datePrecision: string, id: string, negotiation: string,
//   obligations: string[], response: string, responseNote: string?, round: string?, sequence: int,
//   sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[], summary: string?, to: int[],
//   dateOldStyle: date?}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MERGE (p:Proposal {id: row.id})
SET p.sequence = row.sequence, p.date = date(row.date), p.datePrecision = row.datePrecision,
    p.obligations = row.obligations, p.summary = row.summary, p.response = row.response,
    p.responseNote = row.responseNote, p.proposers = row.by, p.dateOldStyle = row.dateOldStyle
MERGE (n)-[:HAS_PROPOSAL]->(p)
WITH p, row
UNWIND row.by AS proposer
MATCH (by:State {ccode: proposer})
MERGE (by)-[:PROPOSED]->(p)
WITH DISTINCT p, row
OPTIONAL MATCH (r:NegotiationRound {id: row.round})
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (p)-[:MADE_IN]->(r))
WITH p, row
UNWIND row.to AS ccode
MATCH (s:State {ccode: ccode})
MERGE (p)-[:ADDRESSED_TO]->(s)
WITH DISTINCT p, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (p)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
