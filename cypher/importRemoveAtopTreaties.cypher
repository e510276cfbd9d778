// Import (ATOP), after the writes in the same transaction: removes every treaty ATOP wrote (atopVersion
// set) that this import did not stamp (an alliance the file no longer holds) and that no negotiation of
// the record PRODUCED, with its links. A curated treaty stays: importAtopWithdrawnCurated and
// importAtopRestoreCurated withdraw ATOP's part of it instead.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (t:Treaty)
WHERE t.atopVersion IS NOT NULL AND (t.importStamp IS NULL OR t.importStamp <> $stamp)
  AND NOT EXISTS { MATCH (:Negotiation)-[:PRODUCED]->(t) }
DETACH DELETE t
