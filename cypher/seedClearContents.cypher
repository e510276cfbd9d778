// Seed: removes the tables of contents of the given sources (their Chapter nodes and where they were
// read) before seedContents re-writes them, so that a chapter or table a curator deleted is not left
// behind.
// params: $keys: string[] (source keys)
// returns: (none)
UNWIND $keys AS key
MATCH (s:Source {key: key})
SET s.chaptersSeenAt = null
WITH s
MATCH (s)-[:HAS_CHAPTER]->(c:Chapter)
DETACH DELETE c
