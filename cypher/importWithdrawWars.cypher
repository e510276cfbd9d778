// Import (COW wars), after the writes in the same transaction: withdraws COW's part of every war this
// import did not stamp (the file no longer holds it): the war no longer cites COW wars (any version: every
// Source whose key starts with $sourcePrefix), and the properties only COW sets go with the stamp. Its
// participations go with importRemoveWarParticipants; a war CDB90 battles are PART_OF stays, named by
// importWarNamesFromBattles; importRemoveWars removes a war no data set cites any more.
// params: $sourcePrefix: string (key prefix of the data set's Sources, every version), $stamp: string (this import's stamp)
// returns: (none)
MATCH (w:War)-[c:CITES]->(src:Source)
WHERE src.key STARTS WITH $sourcePrefix AND (w.importStamp IS NULL OR w.importStamp <> $stamp)
DELETE c
WITH DISTINCT w
REMOVE w.warType, w.start, w.startPrecision, w.end, w.endPrecision, w.startYear, w.endYear, w.importStamp
