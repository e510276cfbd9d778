// Import (MID): participants (MIDB), one PARTICIPATED_IN per row keyed on the state's spell number in the dispute.
// The import stamps each participation with $stamp, so that importRemoveDisputeParticipants can then
// remove what the files no longer hold.
// params: $stamp: string (this import's stamp), $rows: {ccode: int, dispute: string, end: date?,
//   endPrecision: string?, fatality: int?, fatalpre: int?, hiact: int?, hostlev: int?, orig: boolean?, revstate: boolean?, revtype1: int?,
//   revtype2: int?, sideA: boolean?, spell: int, start: date?, startPrecision: string?}[]
// returns: (none)
UNWIND $rows AS row
MATCH (d:Dispute {id: row.dispute})
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[p:PARTICIPATED_IN {spell: row.spell}]->(d)
SET p.sideA = row.sideA, p.start = date(row.start), p.startPrecision = row.startPrecision, p.end = date(row.end),
    p.endPrecision = row.endPrecision, p.revstate = row.revstate, p.revtype1 = row.revtype1, p.revtype2 = row.revtype2,
    p.fatality = row.fatality, p.fatalpre = row.fatalpre, p.hiact = row.hiact, p.hostlev = row.hostlev, p.orig = row.orig,
    p.importStamp = $stamp
