// One page of treaties ordered by signing date, filtered by member, by an obligation type, and by
// being in force at some time in [activeFrom, activeTo] (one day: from = to; a member must be one
// then too); with the total count. The page holds the treaties themselves (the columns of
// treatiesByIds), so that a page and its nodes are one round trip. With $members, each treaty also
// carries its memberships, the rows of membersOfTreaties (in no order), else null: a page with its
// members is one round trip, not two. The resolver passes whether the selection asks for them.
// Dates go out as ISO strings (toString), the form the stores normalise them to: Neo4j's driver then
// builds no Date object per value.
// params: $member: int?, $activeFrom: date?, $activeTo: date?, $obligation: string?, $skip: int, $first: int,
//   $members: boolean
// returns: total: int, page: {id: string, name: string?, atopId: int?, signed: date, ended: date?,
//   obligations: Obligation[], members: {ccode: int, abbrev: string, name: string, curated: boolean, entry: date,
//   entryPrecision: Precision?, exit: date?, exitPrecision: Precision?, phase: int?, obligations: Obligation[]?,
//   conditional: boolean?, defcon: boolean?, offcon: boolean?, neucon: boolean?, concon: boolean?,
//   conditionDetails: string[]?, asymm: boolean?, obvary: boolean?, bilateral: boolean?, inEffect: boolean?,
//   cowSystem: boolean?, termMode: int?, termCause: int?, varying: Obligation[]?, owedTo: string[]?}[]?}[]
MATCH (t:Treaty)
WHERE ($obligation IS NULL OR $obligation IN t.obligations)
  AND ($activeFrom IS NULL OR (t.signed <= date($activeTo) AND (t.ended IS NULL OR t.ended >= date($activeFrom))))
  AND ($member IS NULL OR EXISTS {
    MATCH (:State {ccode: $member})-[m:MEMBER_OF]->(t)
    WHERE $activeFrom IS NULL OR ((m.entry IS NULL OR m.entry <= date($activeTo)) AND (m.exit IS NULL OR m.exit >= date($activeFrom)))
  })
WITH t ORDER BY t.signed, t.id
WITH collect(t.id) AS ids
WITH size(ids) AS total, ids[$skip..$skip + $first] AS pageIds
// The page's nodes matched again by id: the embedded store expands only from a node a MATCH bound.
CALL (pageIds) {
  UNWIND pageIds AS id
  MATCH (t:Treaty {id: id})
  RETURN collect(t {.id, .name, .atopId, signed: toString(t.signed), ended: toString(t.ended), .obligations,
    members: CASE WHEN $members THEN [(s:State)-[m:MEMBER_OF]->(t) | s {.ccode, .abbrev, .name,
      curated: coalesce(m.curated, false), entry: toString(m.entry), entryPrecision: m.entryPrecision,
      exit: toString(m.exit),
      exitPrecision: m.exitPrecision, phase: m.phase, obligations: m.obligations, conditional: m.conditional,
      defcon: m.defcon, offcon: m.offcon, neucon: m.neucon, concon: m.concon, conditionDetails: m.conditionDetails,
      asymm: m.asymm, obvary: m.obvary, bilateral: m.bilateral, inEffect: m.inEffect, cowSystem: m.cowSystem,
      termMode: m.termMode, termCause: m.termCause, varying: m.varying, owedTo: m.owedTo}] END}) AS page
}
RETURN total, page
