// Import (ATOP): removes the curated memberships of the treaties ATOP codes, before ATOP's own member
// rows (with phases, entry and exit dates) are written, so that no member is counted twice.
// params: $rows: {atopId: int}[]
// returns: (none)
UNWIND $rows AS row
MATCH (:State)-[m:MEMBER_OF {curated: true}]->(:Treaty {atopId: row.atopId})
DELETE m
