// Seed: creates or updates treaties that ATOP codes, keyed on the ATOP id so that the curated
// treaty and the imported ATOP alliance are one node whichever is loaded first (the curated id wins).
// params: $rows (list of {id, negotiation, name, atopId, signed, ended, obligations, defense, offense, neutrality, nonAggression, consultation, era, sources})
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (e:Era {id: row.era})
MERGE (t:Treaty {atopId: row.atopId})
SET t.id = row.id, t.name = row.name, t.signed = date(row.signed), t.ended = date(row.ended),
    t.obligations = row.obligations, t.defense = row.defense, t.offense = row.offense,
    t.neutrality = row.neutrality, t.nonAggression = row.nonAggression, t.consultation = row.consultation
MERGE (n)-[:PRODUCED]->(t)
MERGE (t)-[:IN_ERA]->(e)
WITH t, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
MERGE (t)-[c:CITES]->(src)
SET c.pages = ref.pages, c.note = ref.note
