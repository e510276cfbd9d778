// Negotiation rounds by id (for node lookups).
// params: $ids: string[]
// returns: id: string, sequence: int, start: date, startPrecision: Precision, end: date?, endPrecision: Precision?,
//   place: string, negotiators: string[], summary: string?
UNWIND $ids AS id
MATCH (r:NegotiationRound {id: id})
RETURN r.id AS id, r.sequence AS sequence, r.start AS start, r.startPrecision AS startPrecision,
       r.end AS end, r.endPrecision AS endPrecision, r.place AS place, r.negotiators AS negotiators,
       r.summary AS summary
