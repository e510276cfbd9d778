// One page of negotiations ordered by start date, filtered by outcome, party, era and a date
// range (a negotiation matches when its span overlaps [from, to]); with the total count. The page
// holds the negotiations themselves (the columns of negotiationsByIds), so that a page and its
// nodes are one round trip; their long texts (summary, notes: two thirds of a page's bytes) only
// when $texts (the resolver passes whether the selection asks for them), else null.
// params: $outcome: string?, $party: int?, $era: string?, $from: date?, $to: date?, $skip: int, $first: int,
//   $texts: boolean
// returns: total: int, page: {id: string, name: string, start: date, startPrecision: Precision, end: date,
//   endPrecision: Precision, outcome: Outcome, summary: string?, confidence: Confidence, notes: string?,
//   targetAtTableReason: string?, startOldStyle: date?, endOldStyle: date?, startNotRecorded: boolean,
//   inSecondCodingSample: boolean}[]
MATCH (n:Negotiation)
WHERE ($outcome IS NULL OR n.outcome = $outcome)
  AND ($from IS NULL OR n.end >= date($from))
  AND ($to IS NULL OR n.start <= date($to))
  AND ($party IS NULL OR EXISTS { MATCH (:State {ccode: $party})-[:PARTY_TO]->(n) })
  AND ($era IS NULL OR EXISTS { MATCH (n)-[:IN_ERA]->(:Era {id: $era}) })
WITH n ORDER BY n.start, n.id
WITH collect(n) AS items
RETURN size(items) AS total,
       [n IN items[$skip..$skip + $first] | n {.id, .name, .start, .startPrecision, .end, .endPrecision, .outcome,
         summary: CASE WHEN $texts THEN n.summary END, .confidence, notes: CASE WHEN $texts THEN n.notes END,
         .targetAtTableReason, .startOldStyle, .endOldStyle,
         startNotRecorded: coalesce(n.startNotRecorded, false),
         inSecondCodingSample: coalesce(n.inSecondCodingSample, false)}] AS page
