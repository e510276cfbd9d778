// Import (ATOP), after the member rows are written in the same transaction: removes every membership ATOP
// wrote (not `curated`) that this import did not stamp (a member row the file no longer holds). The
// record's memberships (`curated: true`) are the seed's and stay.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (:State)-[m:MEMBER_OF]->(:Treaty)
WHERE m.curated IS NULL AND (m.importStamp IS NULL OR m.importStamp <> $stamp)
DELETE m
