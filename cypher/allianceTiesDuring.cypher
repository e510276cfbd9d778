// Every alliance tie in force at some time in [from, to] (from = to for a single date): pairs of
// states (a < b) both members of a treaty and of the same phase of it then (ATOP's dyad rules pair
// members within a phase; curated memberships carry the seed's phase 1, and a null phase pairs only
// with a null phase), with each side's own obligations in that phase and the obligations it owes
// only to some members (`varying`, `owedTo` as `OBLIGATION:ccode`). A curated membership has no
// member-level coding: its side carries the treaty's obligations, owed to every member. The tie's
// obligations are `dyadObligations` (src/domain) of the two sides.
// params: $from: date, $to: date
// returns: a: int, b: int, treaty: string, atopId: int?, phase: int?, aObligations: string[],
//   aVarying: string[], aOwedTo: string[], bObligations: string[], bVarying: string[], bOwedTo: string[]
MATCH (sa:State)-[ma:MEMBER_OF]->(t:Treaty)<-[mb:MEMBER_OF]-(sb:State)
WHERE sa.ccode < sb.ccode
  AND (ma.phase = mb.phase OR (ma.phase IS NULL AND mb.phase IS NULL))
  AND ma.entry <= date($to) AND (ma.exit IS NULL OR ma.exit >= date($from))
  AND mb.entry <= date($to) AND (mb.exit IS NULL OR mb.exit >= date($from))
  AND (t.ended IS NULL OR t.ended >= date($from))
RETURN DISTINCT sa.ccode AS a, sb.ccode AS b, t.id AS treaty, t.atopId AS atopId, ma.phase AS phase,
       coalesce(ma.obligations, t.obligations, []) AS aObligations, coalesce(ma.varying, []) AS aVarying,
       coalesce(ma.owedTo, []) AS aOwedTo, coalesce(mb.obligations, t.obligations, []) AS bObligations,
       coalesce(mb.varying, []) AS bVarying, coalesce(mb.owedTo, []) AS bOwedTo
ORDER BY a, b, treaty, phase
