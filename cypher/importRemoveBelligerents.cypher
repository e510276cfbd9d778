// Import (CDB90), after the battle sides are written in the same transaction: removes every side this
// import did not stamp (a belligerents.csv row the file no longer holds), with its links.
// params: $stamp: string (this import's stamp)
// returns: (none)
MATCH (x:Belligerent)
WHERE x.importStamp IS NULL OR x.importStamp <> $stamp
DETACH DELETE x
