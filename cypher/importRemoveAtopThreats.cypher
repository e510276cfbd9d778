// Import (ATOP), after the threats are written in the same transaction: removes every ATOP threat
// (`state-<ccode>`) this import did not stamp (no alliance of the file names that state any more), with
// its POSED_BY and citation. The state stays.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (th:Threat)
WHERE th.id STARTS WITH 'state-' AND (th.importStamp IS NULL OR th.importStamp <> $stamp)
DETACH DELETE th
