// Import (Leeds–Savun), after the scores are written in the same transaction: removes every threat score this
// import did not stamp (a row the file no longer holds), so the graph holds what the recorded file holds.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (x:ThreatScore)
WHERE x.importStamp IS NULL OR x.importStamp <> $stamp
DETACH DELETE x
