// Import (CDB90), after the links are written in the same transaction: removes every PART_OF this import
// did not stamp (a battle whose COW war number the file no longer gives, or changed).
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:Battle)-[p:PART_OF]->(:War)
WHERE p.importStamp IS NULL OR p.importStamp <> $stamp
DELETE p
