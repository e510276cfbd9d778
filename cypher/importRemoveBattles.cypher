// Import (CDB90), after the battles are written in the same transaction: removes every battle this import
// did not stamp (a battles.csv row the file no longer holds), with its links. Battles are CDB90's alone.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (b:Battle)
WHERE b.importStamp IS NULL OR b.importStamp <> $stamp
DETACH DELETE b
