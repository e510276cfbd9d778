// One page of negotiations ordered by start date, filtered by outcome, party, era and a date
// range (a negotiation matches when its span overlaps [from, to]); with the total count. The page
// holds the negotiations themselves (the columns of negotiationsByIds), so that a page and its
// nodes are one round trip; their long texts (summary, notes: two thirds of a page's bytes) only
// when $texts, else null. With $parties and $treaty, each node also carries its parties and its
// treaty, the rows of partiesOfNegotiations and treatiesOfNegotiations (in no order), else null: a
// list with its parties and treaty is one round trip, not three. The resolver passes what the
// selection asks for. Dates go out as ISO strings (toString), the form the stores normalise them to:
// Neo4j's driver then builds no Date object per value.
// params: $outcome: string?, $party: int?, $era: string?, $from: date?, $to: date?, $skip: int, $first: int,
//   $texts: boolean, $parties: boolean, $treaty: boolean
// returns: total: int, page: {id: string, name: string, start: date, startPrecision: Precision, end: date,
//   endPrecision: Precision, outcome: Outcome, summary: string?, confidence: Confidence, notes: string?,
//   targetAtTableReason: string?, startOldStyle: date?, endOldStyle: date?, startNotRecorded: boolean,
//   inSecondCodingSample: boolean, parties: {ccode: int, abbrev: string, name: string}[]?,
//   treaty: {id: string, name: string, atopId: int?, signed: date, ended: date?, obligations: Obligation[]}[]?}[]
MATCH (n:Negotiation)
WHERE ($outcome IS NULL OR n.outcome = $outcome)
  AND ($from IS NULL OR n.end >= date($from))
  AND ($to IS NULL OR n.start <= date($to))
  AND ($party IS NULL OR EXISTS { MATCH (:State {ccode: $party})-[:PARTY_TO]->(n) })
  AND ($era IS NULL OR EXISTS { MATCH (n)-[:IN_ERA]->(:Era {id: $era}) })
WITH n ORDER BY n.start, n.id
WITH collect(n.id) AS ids
WITH size(ids) AS total, ids[$skip..$skip + $first] AS pageIds
// The page's nodes matched again by id: the embedded store expands only from a node a MATCH bound.
CALL (pageIds) {
  UNWIND pageIds AS id
  MATCH (n:Negotiation {id: id})
  RETURN collect(n {.id, .name, start: toString(n.start), .startPrecision, end: toString(n.end), .endPrecision,
    .outcome, summary: CASE WHEN $texts THEN n.summary END, .confidence,
    notes: CASE WHEN $texts THEN n.notes END, .targetAtTableReason,
    startOldStyle: toString(n.startOldStyle), endOldStyle: toString(n.endOldStyle),
    startNotRecorded: coalesce(n.startNotRecorded, false),
    inSecondCodingSample: coalesce(n.inSecondCodingSample, false),
    parties: CASE WHEN $parties THEN [(n)<-[:PARTY_TO]-(s:State) | s {.ccode, .abbrev, .name}] END,
    treaty: CASE WHEN $treaty THEN [(n)-[:PRODUCED]->(t:Treaty) | t {.id, .name, .atopId,
      signed: toString(t.signed), ended: toString(t.ended), .obligations}] END}) AS page
}
RETURN total, page
