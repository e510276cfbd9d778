// Seed: creates the rounds of negotiations, with their sources.
// params: $rows: {end: date?, endPrecision: string?, id: string, negotiation: string, negotiators: string[],
//   place: string, sequence: int, sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[], start: date,
//   startPrecision: string, summary: string?}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MERGE (r:NegotiationRound {id: row.id})
SET r.sequence = row.sequence, r.start = date(row.start), r.startPrecision = row.startPrecision,
    r.end = date(row.end), r.endPrecision = row.endPrecision, r.place = row.place,
    r.negotiators = row.negotiators, r.summary = row.summary
MERGE (n)-[:HAS_ROUND]->(r)
WITH r, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (r)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
