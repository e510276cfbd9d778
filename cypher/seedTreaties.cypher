// Seed: creates or updates treaties that ATOP does not code (keyed on the curated id), with the
// negotiation that produced them, their era and sources. See seedAtopTreaties for the others.
// params: $rows: {consultation: boolean, defense: boolean, ended: date?, era: string,
//   id: string, name: string, negotiation: string, neutrality: boolean, nonAggression: boolean,
//   obligations: string[], offense: boolean, signed: date, sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (e:Era {id: row.era})
MERGE (t:Treaty {id: row.id})
SET t.name = row.name, t.signed = date(row.signed), t.ended = date(row.ended),
    t.obligations = row.obligations, t.defense = row.defense, t.offense = row.offense,
    t.neutrality = row.neutrality, t.nonAggression = row.nonAggression, t.consultation = row.consultation
MERGE (n)-[:PRODUCED]->(t)
MERGE (t)-[:IN_ERA]->(e)
WITH t, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (t)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
