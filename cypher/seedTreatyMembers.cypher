// Seed: curated treaty membership (entry at signing unless the row says otherwise), marked curated.
// Skipped for a treaty whose memberships came from ATOP (ATOP's member file is the finer record);
// the ATOP import in turn removes curated memberships (importAtopReplaceCurated), and writes them again
// with this query when its files no longer hold the treaty's alliance (src/import/README.md).
// params: $rows: {ccode: int, entry: date, exit: date?, phase: int, treaty: string}[]
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {id: row.treaty})
MATCH (s:State {ccode: row.ccode})
WHERE NOT EXISTS { MATCH (:State)-[x:MEMBER_OF]->(t) WHERE x.curated IS NULL }
MERGE (s)-[m:MEMBER_OF {phase: row.phase, curated: true}]->(t)
SET m.entry = date(row.entry), m.exit = date(row.exit)
