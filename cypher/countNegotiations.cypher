// How many negotiations the graph holds: zero means the curated seed has not been loaded yet.
// params: (none)
// returns: negotiations: int
MATCH (n:Negotiation)
RETURN count(n) AS negotiations
