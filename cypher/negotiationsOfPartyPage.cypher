// One page of the negotiations of one party, ordered by start date, filtered as negotiationsPage
// (outcome, era, a date range the negotiation's span overlaps); with the total count, and the long
// texts (summary, notes) only when $texts. Anchored on the party (its ccode is indexed):
// negotiationsPage with a party reads every negotiation of the graph, and on Grafeo 0.6 its party
// filter read every negotiation of the party for each of them; this reads the party's own. Same
// columns as negotiationsPage, without the nodes' parties and treaty (null): when the selection asks
// for them, the resolver reads a party's page with negotiationsPage, which carries them.
// params: $party: int, $outcome: string?, $era: string?, $from: date?, $to: date?, $skip: int, $first: int,
//   $texts: boolean
// returns: total: int, page: {id: string, name: string, start: date, startPrecision: Precision, end: date,
//   endPrecision: Precision, outcome: Outcome, summary: string?, confidence: Confidence, notes: string?,
//   targetAtTableReason: string?, startOldStyle: date?, endOldStyle: date?, startNotRecorded: boolean,
//   inSecondCodingSample: boolean, parties: {ccode: int, abbrev: string, name: string}[]?,
//   treaty: {id: string, name: string, atopId: int?, signed: date, ended: date?, obligations: Obligation[]}[]?}[]
MATCH (:State {ccode: $party})-[:PARTY_TO]->(n:Negotiation)
WHERE ($outcome IS NULL OR n.outcome = $outcome)
  AND ($from IS NULL OR n.end >= date($from))
  AND ($to IS NULL OR n.start <= date($to))
  AND ($era IS NULL OR EXISTS { MATCH (n)-[:IN_ERA]->(:Era {id: $era}) })
WITH DISTINCT n
WITH n ORDER BY n.start, n.id
WITH collect(n) AS items
RETURN size(items) AS total,
       [n IN items[$skip..$skip + $first] | n {.id, .name, .start, .startPrecision, .end, .endPrecision, .outcome,
         summary: CASE WHEN $texts THEN n.summary END, .confidence, notes: CASE WHEN $texts THEN n.notes END,
         .targetAtTableReason, .startOldStyle, .endOldStyle,
         startNotRecorded: coalesce(n.startNotRecorded, false),
         inSecondCodingSample: coalesce(n.inSecondCodingSample, false), parties: null, treaty: null}] AS page
