// Negotiations by id, for the negotiation loader.
// params: $ids: string[]
// returns: id: string, name: string, start: date, startPrecision: Precision, end: date, endPrecision: Precision,
//   outcome: Outcome, summary: string, confidence: Confidence, notes: string?, targetAtTableReason: string?,
//   startOldStyle: date?, endOldStyle: date?, startNotRecorded: boolean, inSecondCodingSample: boolean
UNWIND $ids AS id
MATCH (n:Negotiation {id: id})
RETURN n.id AS id, n.name AS name, n.start AS start, n.startPrecision AS startPrecision,
       n.end AS end, n.endPrecision AS endPrecision, n.outcome AS outcome, n.summary AS summary,
       n.confidence AS confidence, n.notes AS notes,
       n.targetAtTableReason AS targetAtTableReason, n.startOldStyle AS startOldStyle, n.endOldStyle AS endOldStyle,
       coalesce(n.startNotRecorded, false) AS startNotRecorded,
       coalesce(n.inSecondCodingSample, false) AS inSecondCodingSample
