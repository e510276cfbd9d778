// Import (ATOP): the phases of each alliance (atop5_1aph), with the obligations in force in each. The
// import stamps each phase with $stamp, so that importRemoveAtopPhases can then remove what the file no
// longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {atopId: int, conditional: boolean?, consultation: boolean?,
//   defense: boolean?, end: date?, endPrecision: string?, id: string, neutrality: boolean?,
//   nonAggression: boolean?, obligations: string[], offense: boolean?, phase: int, start: date?,
//   startPrecision: string?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.atopId})
MERGE (p:TreatyPhase {id: row.id})
SET p.atopId = row.atopId, p.phase = row.phase, p.start = date(row.start), p.startPrecision = row.startPrecision,
    p.end = date(row.end), p.endPrecision = row.endPrecision, p.obligations = row.obligations, p.defense = row.defense,
    p.offense = row.offense, p.neutrality = row.neutrality, p.nonAggression = row.nonAggression,
    p.consultation = row.consultation, p.conditional = row.conditional, p.importStamp = $stamp
MERGE (t)-[:HAS_PHASE]->(p)
MERGE (p)-[:CITES]->(src)
