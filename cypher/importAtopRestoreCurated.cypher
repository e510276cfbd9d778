// Import (ATOP), after the writes in the same transaction: withdraws ATOP's part of curated treaties whose
// alliance the file no longer holds (importAtopWithdrawnCurated): the properties both give (signed, ended,
// obligations and their flags) become the record's again, those only ATOP sets are removed with the
// import's stamp, and the treaty no longer cites ATOP (any version: every Source whose key starts with
// $sourcePrefix). Its phases, member rows and threat links go with the other removals; the record's
// memberships are written again by seedTreatyMembers.
// params: $sourcePrefix: string (key prefix of the data set's Sources, every version), $rows: {atopId: int,
//   consultation: boolean, defense: boolean, ended: date?, neutrality: boolean, nonAggression: boolean,
//   obligations: string[], offense: boolean, signed: date}[]
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.atopId})
SET t.signed = date(row.signed), t.ended = date(row.ended), t.obligations = row.obligations,
    t.defense = row.defense, t.offense = row.offense, t.neutrality = row.neutrality,
    t.nonAggression = row.nonAggression, t.consultation = row.consultation
REMOVE t.cowId, t.signedPrecision, t.signedYear, t.endedPrecision, t.inEffect, t.bilateral, t.maxPhase,
    t.conditional, t.specificThreat, t.atopVersion, t.importStamp
WITH t
MATCH (t)-[c:CITES]->(src:Source)
WHERE src.key STARTS WITH $sourcePrefix
DELETE c
