// Import (COW states), after the spells are written in the same transaction: removes every IN_SYSTEM this
// import did not stamp (a spell the file no longer holds). States stay: every other data set refers to them.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:State)-[m:IN_SYSTEM]->(:StateSystem {id: 'cow'})
WHERE m.importStamp IS NULL OR m.importStamp <> $stamp
DELETE m
