// Import (CDB90): attacker–defender pairs of actors of each battle (battle_dyads.csv), citing the data set.
// The import stamps each pair with $stamp, so that importRemoveBattleDyads can then remove the pairs the
// file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {attacker: string?, battle: string, defender: string?,
//   direction: int?, dyad: string?, id: string, isqno: int, primary: boolean?, weight: float?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (b:Battle {id: row.battle})
MERGE (d:BattleDyad {id: row.id})
SET d.isqno = row.isqno, d.attacker = row.attacker, d.defender = row.defender, d.dyad = row.dyad,
    d.weight = row.weight, d.direction = row.direction, d.primary = row.primary, d.importStamp = $stamp
MERGE (d)-[:IN_BATTLE]->(b)
MERGE (d)-[:CITES]->(src)
