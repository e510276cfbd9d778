// Negotiations under way at some time in [from, to], successful or not, with their parties: the
// negotiation layer of the network page and of the exports.
// params: $from: date, $to: date
// returns: id: string, name: string, start: date, end: date, outcome: string, parties: int[]
MATCH (n:Negotiation)
WHERE n.start <= date($to) AND (n.end IS NULL OR n.end >= date($from))
RETURN n.id AS id, n.name AS name, n.start AS start, n.end AS end, n.outcome AS outcome,
       [(n)<-[:PARTY_TO]-(s:State) | s.ccode] AS parties
ORDER BY start, id
