// Import (CDB90), after the links are written in the same transaction: removes every REPRESENTS this
// import did not stamp (a side whose actors the file no longer maps to that state).
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:Belligerent)-[r:REPRESENTS]->(:State)
WHERE r.importStamp IS NULL OR r.importStamp <> $stamp
DELETE r
