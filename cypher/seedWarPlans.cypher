// Seed: creates war plans: each party's IDEAL plans (entry, and later ones from a round), the PROPOSED
// plans proposals put on the table (linked to their proposal), and alternative codings of a plan
// (linked to the plan they re-read, not to the negotiation). Holder, target, approach, scope, form, sources.
// params: $rows: {id: string, negotiation: string, party: int, kind: string, coding: string, fromRound: int?,
//   target: string, approach: string, scopeRegions: string[], scopeStates: int[], scopeNote: string?,
//   form: string?, justification: string?, rationale: string?, confidence: string, targetNotPerceived: string?,
//   proposal: string?, alternativeOf: string?, sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (s:State {ccode: row.party})
MATCH (t:Threat {id: row.target})
MERGE (w:WarPlan {id: row.id})
SET w.kind = row.kind, w.coding = row.coding, w.fromRound = row.fromRound, w.approach = row.approach,
    w.scopeRegions = row.scopeRegions, w.scopeStates = row.scopeStates, w.scopeNote = row.scopeNote,
    w.form = row.form, w.justification = row.justification, w.rationale = row.rationale,
    w.confidence = row.confidence, w.targetNotPerceived = row.targetNotPerceived
MERGE (s)-[:HOLDS]->(w)
MERGE (w)-[:TARGETS]->(t)
WITH n, w, row
OPTIONAL MATCH (primary:WarPlan {id: row.alternativeOf})
FOREACH (_ IN CASE WHEN primary IS NULL THEN [1] ELSE [] END | MERGE (n)-[:HAS_WAR_PLAN]->(w))
FOREACH (_ IN CASE WHEN primary IS NULL THEN [] ELSE [1] END | MERGE (primary)-[:HAS_ALTERNATIVE]->(w))
WITH w, row
OPTIONAL MATCH (p:Proposal {id: row.proposal})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (p)-[:PUTS_FORWARD]->(w))
WITH w, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (w)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
