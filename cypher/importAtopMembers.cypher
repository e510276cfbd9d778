// Import (ATOP): one membership per member row (atop5_1m), keyed on phase and entry date (a state can
// leave and re-enter within one phase), with exit date and the precision of both, and the member's
// own coding in that phase: its obligations (flags and list), ATOP's conditions (`conditio`, `defcon`,
// `offcon`, `neucon`, `concon`), the condition details coded 1 (`defcoadv`, ... as a list of ATOP
// column names), `asymm`, `obvary`, `bilat`, `ineffect`, `cowsys`, `termmode` and `termcaus`; `varying`:
// the obligations owed only to some members and `owedTo` to whom (`OBLIGATION:ccode`; src/domain
// varyingObligations). The import stamps each membership with $stamp, so that importRemoveAtopMembers can
// then remove the member rows the file no longer holds.
// params: $stamp: string (this import's stamp), $rows: {asymm: boolean?, atopId: int, bilateral: boolean?, ccode: int, concon: boolean?,
//   conditionDetails: string[], conditional: boolean?, consultation: boolean?, cowSystem: boolean?,
//   defcon: boolean?, defense: boolean?, entry: date, entryPrecision: string, exit: date?,
//   exitPrecision: string?, inEffect: boolean?, neucon: boolean?, neutrality: boolean?, nonAggression: boolean?,
//   obligations: string[], obvary: boolean?, offcon: boolean?, offense: boolean?, phase: int,
//   owedTo: string[], termCause: int?, termMode: int?, varying: string[]}[]
// returns: (none)
UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.atopId})
MATCH (s:State {ccode: row.ccode})
MERGE (s)-[m:MEMBER_OF {phase: row.phase, entry: date(row.entry)}]->(t)
SET m.entryPrecision = row.entryPrecision, m.exit = date(row.exit), m.exitPrecision = row.exitPrecision,
    m.obligations = row.obligations, m.defense = row.defense, m.offense = row.offense,
    m.neutrality = row.neutrality, m.nonAggression = row.nonAggression, m.consultation = row.consultation,
    m.conditional = row.conditional, m.defcon = row.defcon, m.offcon = row.offcon, m.neucon = row.neucon,
    m.concon = row.concon, m.conditionDetails = row.conditionDetails, m.asymm = row.asymm, m.obvary = row.obvary,
    m.bilateral = row.bilateral, m.inEffect = row.inEffect, m.cowSystem = row.cowSystem,
    m.termMode = row.termMode, m.termCause = row.termCause, m.varying = row.varying,
    m.owedTo = row.owedTo, m.importStamp = $stamp
