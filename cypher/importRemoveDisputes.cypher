// Import (MID), after the disputes are written in the same transaction: removes every dispute this import
// did not stamp (a MIDA row the file no longer holds), with its participations.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (d:Dispute)
WHERE d.importStamp IS NULL OR d.importStamp <> $stamp
DETACH DELETE d
