// Import (ATOP), after the phases are written in the same transaction: removes every phase this import did
// not stamp (an alliance-phase row the file no longer holds). Phases are ATOP's alone.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (p:TreatyPhase)
WHERE p.importStamp IS NULL OR p.importStamp <> $stamp
DETACH DELETE p
