// Seed: creates the outside options a party's decision-makers weighed, as the record gives them: kind,
// the ally (ALTERNATIVE_ALLY), attractiveness as they saw it, evidence, the negotiation in which the
// party took the option; alternative codings hang off the option they re-read.
// params: $rows: {id: string, negotiation: string, party: int, kind: string, ally: int?, attractiveness: string,
//   evidence: string?, rationale: string?, confidence: string, coding: string, realisedIn: string?,
//   alternativeOf: string?, sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MERGE (o:RecordedOption {id: row.id})
SET o.kind = row.kind, o.ally = row.ally, o.attractiveness = row.attractiveness, o.evidence = row.evidence,
    o.rationale = row.rationale, o.confidence = row.confidence, o.coding = row.coding
MERGE (s)-[:WEIGHED]->(o)
WITH n, o, row
OPTIONAL MATCH (primary:RecordedOption {id: row.alternativeOf})
FOREACH (_ IN CASE WHEN primary IS NULL THEN [1] ELSE [] END | MERGE (n)-[:HAS_RECORDED_OPTION]->(o))
FOREACH (_ IN CASE WHEN primary IS NULL THEN [] ELSE [1] END | MERGE (primary)-[:HAS_ALTERNATIVE]->(o))
WITH o, row
OPTIONAL MATCH (ally:State {ccode: row.ally})
FOREACH (_ IN CASE WHEN ally IS NULL THEN [] ELSE [1] END | MERGE (o)-[:WITH_ALLY]->(ally))
WITH o, row
OPTIONAL MATCH (taken:Negotiation {id: row.realisedIn})
FOREACH (_ IN CASE WHEN taken IS NULL THEN [] ELSE [1] END | MERGE (o)-[:REALISED_IN]->(taken))
WITH o, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (o)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
