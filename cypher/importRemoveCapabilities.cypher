// Import (NMC), after the capabilities are written in the same transaction: removes every capability this
// import did not stamp (a row the file no longer holds), so the graph holds what the recorded file holds.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (c:Capability)
WHERE c.importStamp IS NULL OR c.importStamp <> $stamp
DETACH DELETE c
