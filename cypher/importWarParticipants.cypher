// Import (COW wars): participants, one FOUGHT_IN per row keyed on the state's spell number in the war, with side and dates.
// The import stamps each participation with $stamp, so that importRemoveWarParticipants can then remove
// the rows the file no longer holds.
// params: $stamp: string (this import's stamp), $rows: {batDeaths: int?, ccode: int, end: date?, end2: date?, end2Precision: string?,
//   endPrecision: string?, initiator: boolean?, outcome: int?, side: int?, spell: int, start: date?,
//   start2: date?, start2Precision: string?, startPrecision: string?, transFrom: int[]?, transTo: int[]?,
//   war: string, whereFought: int?}[]
// returns: (none)
UNWIND $rows AS row
MATCH (w:War {id: row.war})
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[f:FOUGHT_IN {spell: row.spell}]->(w)
SET f.side = row.side, f.start = date(row.start), f.startPrecision = row.startPrecision, f.end = date(row.end),
    f.endPrecision = row.endPrecision, f.start2 = date(row.start2), f.start2Precision = row.start2Precision,
    f.end2 = date(row.end2), f.end2Precision = row.end2Precision, f.whereFought = row.whereFought,
    f.initiator = row.initiator, f.outcome = row.outcome, f.transFrom = row.transFrom, f.transTo = row.transTo,
    f.batDeaths = row.batDeaths, f.importStamp = $stamp
