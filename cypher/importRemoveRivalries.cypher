// Import (rivalries), after one file's rivalries are written in the same transaction: removes the rivalries
// of that file's data set ($dataset: td or tss) this import did not stamp (rows the file no longer holds).
// params: $dataset: string (td or tss), $stamp: string (this import's stamp)
// returns: (none)
MATCH (r:Rivalry {dataset: $dataset})
WHERE r.importStamp IS NULL OR r.importStamp <> $stamp
DETACH DELETE r
