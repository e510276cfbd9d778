// The members of each treaty: one row per membership (ATOP: one per member per phase per entry),
// with entry and exit dates and their precision, the phase, and the member's own ATOP coding in that
// phase (obligations, conditions, condition details, asymm, obvary, bilat, ineffect, cowsys, termmode,
// termcaus, and to whom varying obligations are owed). A curated membership (`curated` true: a treaty
// ATOP does not code, or a seed-only graph) has no member-level coding: those fields are null.
// Written from the treaty (its id is indexed): from the state, Grafeo 0.6 tried every membership of
// the graph.
// params: $ids: string[] (treaty ids)
// returns: id: string, node: {ccode: int, abbrev: string, name: string, curated: boolean, entry: date,
//   entryPrecision: Precision?, exit: date?, exitPrecision: Precision?, phase: int?, obligations: Obligation[]?,
//   conditional: boolean?, defcon: boolean?, offcon: boolean?, neucon: boolean?, concon: boolean?,
//   conditionDetails: string[]?, asymm: boolean?, obvary: boolean?, bilateral: boolean?, inEffect: boolean?,
//   cowSystem: boolean?, termMode: int?, termCause: int?, varying: Obligation[]?, owedTo: string[]?}
UNWIND $ids AS id
MATCH (:Treaty {id: id})<-[m:MEMBER_OF]-(s:State)
RETURN id, s {.ccode, .abbrev, .name, curated: coalesce(m.curated, false), entry: m.entry,
       entryPrecision: m.entryPrecision, exit: m.exit, exitPrecision: m.exitPrecision, phase: m.phase,
       obligations: m.obligations, conditional: m.conditional, defcon: m.defcon, offcon: m.offcon,
       neucon: m.neucon, concon: m.concon, conditionDetails: m.conditionDetails, asymm: m.asymm,
       obvary: m.obvary, bilateral: m.bilateral, inEffect: m.inEffect, cowSystem: m.cowSystem,
       termMode: m.termMode, termCause: m.termCause, varying: m.varying, owedTo: m.owedTo} AS node
ORDER BY id, s.ccode, m.phase, m.entry
