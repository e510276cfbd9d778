// Seed: creates or updates negotiations with their era, parties and sources; `startNotRecorded` (the start
// is the signature: no source dates the opening of the talks) and `inSecondCodingSample` (drawn for the
// blind second coding) are always true or false.
// params: $rows: {confidence: string, end: date, endPrecision: string, era: string, id: string, name: string,
//   notes: string?, outcome: string, parties: int[], sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[],
//   start: date, startPrecision: string, summary: string?, targetAtTableReason: string?, startOldStyle: date?,
//   endOldStyle: date?, startNotRecorded: boolean, inSecondCodingSample: boolean}[]
// returns: (none)
UNWIND $rows AS row
MERGE (n:Negotiation {id: row.id})
SET n.name = row.name, n.start = date(row.start), n.startPrecision = row.startPrecision,
    n.end = date(row.end), n.endPrecision = row.endPrecision, n.outcome = row.outcome,
    n.summary = row.summary, n.confidence = row.confidence, n.notes = row.notes,
    n.targetAtTableReason = row.targetAtTableReason, n.startOldStyle = row.startOldStyle, n.endOldStyle = row.endOldStyle,
    n.startNotRecorded = row.startNotRecorded, n.inSecondCodingSample = row.inSecondCodingSample
WITH n, row
MATCH (e:Era {id: row.era})
MERGE (n)-[:IN_ERA]->(e)
WITH n, row
UNWIND row.parties AS ccode
MATCH (s:State {ccode: ccode})
MERGE (s)-[:PARTY_TO]->(n)
WITH DISTINCT n, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (n)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
