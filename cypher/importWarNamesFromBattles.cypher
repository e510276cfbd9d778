// Import (CDB90, and COW wars when it withdraws from a war): names each war that CDB90 battles are PART_OF
// and COW wars does not hold (no participant, FOUGHT_IN) by CDB90's name for it: the cow_warname of its
// last battle by isqno (the battles of one COW war give one name in CDB90 9.0.3). A war COW holds keeps
// COW's name.
// params: (none)
// returns: (none)
MATCH (b:Battle)-[:PART_OF]->(w:War)
WHERE NOT EXISTS { MATCH (:State)-[:FOUGHT_IN]->(w) }
WITH w, b
ORDER BY b.isqno DESC
WITH w, collect(b.cowWarName) AS names
SET w.name = head(names)
