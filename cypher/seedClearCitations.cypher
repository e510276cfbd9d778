// Seed: removes every citation of the record's sources before the seed re-writes them, one CITES per
// reference (a fact citing one work twice, at two documents or pages, has two). Imported data sets
// cite their own sources (`dataset-<name>-<version>`), which are not among these keys and stay.
// params: $keys: string[] (the record's source keys)
// returns: (none)
UNWIND $keys AS key
MATCH (:Source {key: key})<-[c:CITES]-()
DELETE c
