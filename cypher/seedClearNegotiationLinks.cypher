// Seed: removes the parties, era, treaty link and citations of the given negotiations before they
// are re-written (the nodes at the other end stay).
// params: $ids: string[] (negotiation ids)
// returns: (none)
UNWIND $ids AS id
MATCH (n:Negotiation {id: id})-[r:PARTY_TO|IN_ERA|PRODUCED|CITES]-()
DELETE r
