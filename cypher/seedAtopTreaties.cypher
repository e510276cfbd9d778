// Seed: creates or updates treaties that ATOP codes, keyed on the ATOP id so that the curated
// treaty and the imported ATOP alliance are one node whichever is loaded first (the curated id wins).
// Signing and end dates and obligations: the seed's are those as signed (ATOP's first phase); while ATOP
// codes the treaty (t.atopVersion set) ATOP's win, so a re-seed keeps them. The record's own values stay
// beside them (curatedSigned, curatedEnded, curatedObligations; curatedMembers: the members whose
// memberships the record claims, none for a treaty never in force), so that an ATOP re-import whose file
// no longer holds the alliance puts them back (src/import/README.md, "Re-imports replace").
// params: $rows: {atopId: int, consultation: boolean, defense: boolean, ended: date?, era: string,
//   id: string, members: int[], name: string, negotiation: string, neutrality: boolean, nonAggression: boolean,
//   obligations: string[], offense: boolean, signed: date, sources: {key: string, position: int, note: string?, pages: string?, chapter: string?, document: string?, seenAt: string?}[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (e:Era {id: row.era})
MERGE (t:Treaty {atopId: row.atopId})
SET t.id = row.id, t.name = row.name,
    t.curatedSigned = date(row.signed), t.curatedEnded = date(row.ended), t.curatedObligations = row.obligations,
    t.curatedMembers = row.members,
    t.signed = CASE WHEN t.atopVersion IS NULL THEN date(row.signed) ELSE t.signed END,
    t.ended = CASE WHEN t.atopVersion IS NULL THEN date(row.ended) ELSE t.ended END,
    t.obligations = CASE WHEN t.atopVersion IS NULL THEN row.obligations ELSE t.obligations END,
    t.defense = CASE WHEN t.atopVersion IS NULL THEN row.defense ELSE t.defense END,
    t.offense = CASE WHEN t.atopVersion IS NULL THEN row.offense ELSE t.offense END,
    t.neutrality = CASE WHEN t.atopVersion IS NULL THEN row.neutrality ELSE t.neutrality END,
    t.nonAggression = CASE WHEN t.atopVersion IS NULL THEN row.nonAggression ELSE t.nonAggression END,
    t.consultation = CASE WHEN t.atopVersion IS NULL THEN row.consultation ELSE t.consultation END
MERGE (n)-[:PRODUCED]->(t)
MERGE (t)-[:IN_ERA]->(e)
WITH t, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
CREATE (t)-[c:CITES]->(src)
SET c.position = ref.position, c.pages = ref.pages, c.chapter = ref.chapter, c.document = ref.document, c.seenAt = ref.seenAt, c.note = ref.note
