// Import (MID), after the participations are written in the same transaction: removes every PARTICIPATED_IN
// this import did not stamp (a MIDB row the file no longer holds).
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:State)-[p:PARTICIPATED_IN]->(:Dispute)
WHERE p.importStamp IS NULL OR p.importStamp <> $stamp
DELETE p
