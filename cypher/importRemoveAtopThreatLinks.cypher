// Import (ATOP), after the threats are written in the same transaction: removes every DIRECTED_AGAINST to
// an ATOP threat (`state-<ccode>`) that this import did not stamp (a statthr1/statthr2 the file no longer
// names). A treaty's links to the record's threats are the seed's and stay.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:Treaty)-[d:DIRECTED_AGAINST]->(th:Threat)
WHERE th.id STARTS WITH 'state-' AND (d.importStamp IS NULL OR d.importStamp <> $stamp)
DELETE d
