// The treaties each state was a member of: one row per membership, with entry, exit (and their
// precision), phase and the member's own ATOP coding in that phase (the same fields as
// membersOfTreaties; null for a curated membership).
// params: $ccodes: int[]
// returns: id: int, node: {treaty: string, curated: boolean, entry: date, entryPrecision: Precision?, exit: date?,
//   exitPrecision: Precision?, phase: int?, obligations: Obligation[]?, conditional: boolean?, defcon: boolean?,
//   offcon: boolean?, neucon: boolean?, concon: boolean?, conditionDetails: string[]?, asymm: boolean?,
//   obvary: boolean?, bilateral: boolean?, inEffect: boolean?, cowSystem: boolean?, termMode: int?,
//   termCause: int?, varying: Obligation[]?, owedTo: string[]?}
UNWIND $ccodes AS id
MATCH (:State {ccode: id})-[m:MEMBER_OF]->(t:Treaty)
RETURN id, {treaty: t.id, curated: coalesce(m.curated, false), entry: m.entry, entryPrecision: m.entryPrecision,
       exit: m.exit, exitPrecision: m.exitPrecision, phase: m.phase, obligations: m.obligations,
       conditional: m.conditional, defcon: m.defcon, offcon: m.offcon, neucon: m.neucon, concon: m.concon,
       conditionDetails: m.conditionDetails, asymm: m.asymm, obvary: m.obvary, bilateral: m.bilateral,
       inEffect: m.inEffect, cowSystem: m.cowSystem, termMode: m.termMode, termCause: m.termCause,
       varying: m.varying, owedTo: m.owedTo} AS node
ORDER BY id, t.signed, t.id, m.phase, m.entry
