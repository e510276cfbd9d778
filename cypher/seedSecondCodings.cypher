// Seed: creates the blind second coding of the sampled negotiations, one node per party: its entry
// plan's target (TARGETS a threat, or `targetStates` where the second coder named states), approach,
// confidence and rationale; a target or approach the second coder could not code is null, with the
// reason. A coding left wholly uncoded may cite no work.
// params: $rows: {id: string, negotiation: string, party: int, target: string?, targetStates: int[]?,
//   approach: string?, confidence: string, rationale: string, reason: string?, coder: string,
//   sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MERGE (x:SecondCoding {id: row.id})
SET x.targetStates = row.targetStates, x.approach = row.approach, x.confidence = row.confidence,
    x.rationale = row.rationale, x.reason = row.reason, x.coder = row.coder
MERGE (n)-[:HAS_SECOND_CODING]->(x)
MERGE (x)-[:FOR_PARTY]->(s)
WITH x, row
OPTIONAL MATCH (t:Threat {id: row.target})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (x)-[:TARGETS]->(t))
WITH x, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (x)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
