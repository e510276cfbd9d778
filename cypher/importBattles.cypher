// Import (CDB90): battles by isqno, citing the data set. The import stamps each battle with $stamp, so
// that importRemoveBattles can then remove the battles the file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {attackerWon: int?, campaign: string?, cowWarName: string?,
//   dbpedia: string?, id: string, isqno: int, location: string?, name: string?, posture1: string?,
//   posture2: string?, theater: string?, war: string?, warNum: int?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MERGE (b:Battle {id: row.id})
SET b.isqno = row.isqno, b.name = row.name, b.war = row.war, b.location = row.location, b.campaign = row.campaign,
    b.warNum = row.warNum, b.cowWarName = row.cowWarName, b.theater = row.theater, b.attackerWon = row.attackerWon,
    b.posture1 = row.posture1, b.posture2 = row.posture2, b.dbpedia = row.dbpedia, b.importStamp = $stamp
MERGE (b)-[:CITES]->(src)
