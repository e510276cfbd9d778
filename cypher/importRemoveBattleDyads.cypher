// Import (CDB90), after the battle dyads are written in the same transaction: removes every dyad this
// import did not stamp (a battle_dyads.csv row the file no longer holds), with its links.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (d:BattleDyad)
WHERE d.importStamp IS NULL OR d.importStamp <> $stamp
DETACH DELETE d
