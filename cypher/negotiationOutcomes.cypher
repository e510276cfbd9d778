// Every negotiation with its outcome, in chronological order: the cases the agreement model learns from.
// params: (none)
// returns: id: string, outcome: string, start: date
MATCH (n:Negotiation)
RETURN n.id AS id, n.outcome AS outcome, n.start AS start
ORDER BY n.start, n.id
