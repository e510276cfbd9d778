// Import (CDB90): the two sides of each battle (belligerents.csv), citing the data set. The import stamps
// each side with $stamp, so that importRemoveBelligerents can then remove the sides the file no longer holds.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {actors: string[], aircraft: int?, artillery: int?,
//   attacker: boolean, battle: string, casualties: int?, commander: string?, finalStrength: int?, id: string,
//   initialStrength: int?, isqno: int, matched: boolean, name: string?, strength: int?, tanks: int?}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (b:Battle {id: row.battle})
MERGE (x:Belligerent {id: row.id})
SET x.isqno = row.isqno, x.attacker = row.attacker, x.name = row.name, x.commander = row.commander, x.actors = row.actors,
    x.initialStrength = row.initialStrength, x.strength = row.strength, x.casualties = row.casualties,
    x.finalStrength = row.finalStrength, x.tanks = row.tanks, x.artillery = row.artillery, x.aircraft = row.aircraft,
    x.matched = row.matched, x.importStamp = $stamp
MERGE (x)-[:FOUGHT_AT]->(b)
MERGE (x)-[:CITES]->(src)
