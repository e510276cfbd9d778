// Import (ATOP), after the writes in the same transaction: the curated treaties (a negotiation of the
// record PRODUCED them) whose alliance ATOP coded (atopVersion set) but this import did not stamp (the
// file no longer holds it), with the record's own values the seed keeps on them (seedAtopTreaties; null
// on a treaty seeded before it kept them). importAtopRestoreCurated puts those values back.
// params: $stamp: string (this import's stamp)
// returns: id: string, atopId: int, signed: date?, ended: date?, obligations: string[]?, members: int[]?
MATCH (n:Negotiation)-[:PRODUCED]->(t:Treaty)
WHERE t.atopVersion IS NOT NULL AND (t.importStamp IS NULL OR t.importStamp <> $stamp)
RETURN DISTINCT t.id AS id, t.atopId AS atopId, t.curatedSigned AS signed, t.curatedEnded AS ended,
       t.curatedObligations AS obligations, t.curatedMembers AS members
ORDER BY atopId
