// Import (ATOP): creates or updates alliances as treaties keyed on the ATOP id, so that a curated treaty
// with that atopId and the ATOP alliance are one node; a new one gets id `atop-<atopId>`, and the id and
// name of a curated treaty are never overwritten. The import stamps each treaty with $stamp, so that
// the removals after the writes can tell the alliances the files no longer hold (importRemoveAtopTreaties,
// importAtopWithdrawnCurated).
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {atopId: int, atopVersion: string, bilateral: boolean?,
//   conditional: boolean?, consultation: boolean?, cowId: int?, defense: boolean?, ended: date?,
//   endedPrecision: string?, inEffect: boolean?, maxPhase: int?, neutrality: boolean?, nonAggression: boolean?,
//   obligations: string[], offense: boolean?, signed: date, signedPrecision: string, signedYear: int,
//   specificThreat: int?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MERGE (t:Treaty {atopId: row.atopId})
ON CREATE SET t.id = 'atop-' + toString(row.atopId)
SET t.cowId = row.cowId, t.signed = date(row.signed), t.signedPrecision = row.signedPrecision, t.signedYear = row.signedYear,
    t.ended = date(row.ended), t.endedPrecision = row.endedPrecision, t.inEffect = row.inEffect, t.bilateral = row.bilateral,
    t.maxPhase = row.maxPhase, t.obligations = row.obligations, t.defense = row.defense, t.offense = row.offense,
    t.neutrality = row.neutrality, t.nonAggression = row.nonAggression, t.consultation = row.consultation,
    t.conditional = row.conditional, t.specificThreat = row.specificThreat, t.atopVersion = row.atopVersion,
    t.importStamp = $stamp
MERGE (t)-[:CITES]->(src)
