// Seed: creates or updates treaties (unified with imported ATOP treaties by id), the negotiation
// that produced them, their era and sources.
// params: $rows (list of {id, negotiation, name, atopId, signed, ended, obligations, defense, offense, neutrality, nonAggression, consultation, era, sources})
// returns: (none)
UNWIND $rows AS row
MATCH (n:Negotiation {id: row.negotiation})
MATCH (e:Era {id: row.era})
MERGE (t:Treaty {id: row.id})
SET t.name = row.name, t.atopId = row.atopId, t.signed = date(row.signed), t.ended = date(row.ended),
    t.obligations = row.obligations, t.defense = row.defense, t.offense = row.offense,
    t.neutrality = row.neutrality, t.nonAggression = row.nonAggression, t.consultation = row.consultation
MERGE (n)-[:PRODUCED]->(t)
MERGE (t)-[:IN_ERA]->(e)
WITH t, row
UNWIND row.sources AS ref
MATCH (src:Source {key: ref.key})
MERGE (t)-[c:CITES]->(src)
SET c.pages = ref.pages, c.note = ref.note
