// Import (COW wars), after the participants are written in the same transaction: removes every FOUGHT_IN
// this import did not stamp (a participant row the file no longer holds). Participations are COW's alone.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:State)-[f:FOUGHT_IN]->(:War)
WHERE f.importStamp IS NULL OR f.importStamp <> $stamp
DELETE f
