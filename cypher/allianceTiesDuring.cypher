// Every alliance tie in force at some time in [from, to] (from = to for a single date): pairs of
// states (a < b) paired by ATOP's rule (src/domain/allianceTies.ts, `commonSpell`): members of the
// same treaty and of the same phase of it (curated memberships carry the seed's phase 1, and a null
// phase pairs only with a null phase), from the later entry to the earliest of the two exits and the
// treaty's end, that spell meeting [from, to]; with each side's own obligations in that phase and the
// obligations it owes only to some members (`varying`, `owedTo` as `OBLIGATION:ccode`). A curated
// membership has no member-level coding: its side carries the treaty's obligations, owed to every
// member. The tie's obligations are `dyadObligations` (src/domain) of the two sides.
// params: $from: date, $to: date
// returns: a: int, b: int, treaty: string, atopId: int?, phase: int?, aObligations: string[],
//   aVarying: string[], aOwedTo: string[], bObligations: string[], bVarying: string[], bOwedTo: string[]
MATCH (sa:State)-[ma:MEMBER_OF]->(t:Treaty)<-[mb:MEMBER_OF]-(sb:State)
WHERE sa.ccode < sb.ccode
  AND (ma.phase = mb.phase OR (ma.phase IS NULL AND mb.phase IS NULL))
  AND ma.entry <= date($to) AND mb.entry <= date($to)
WITH sa, sb, t, ma, mb,
     CASE WHEN ma.entry > mb.entry THEN ma.entry ELSE mb.entry END AS start,
     CASE WHEN ma.exit IS NULL THEN mb.exit WHEN mb.exit IS NULL THEN ma.exit
          WHEN ma.exit < mb.exit THEN ma.exit ELSE mb.exit END AS memberEnd
WITH sa, sb, t, ma, mb, start,
     CASE WHEN memberEnd IS NULL THEN t.ended WHEN t.ended IS NULL THEN memberEnd
          WHEN memberEnd < t.ended THEN memberEnd ELSE t.ended END AS end
WHERE end IS NULL OR (end >= start AND end >= date($from))
RETURN DISTINCT sa.ccode AS a, sb.ccode AS b, t.id AS treaty, t.atopId AS atopId, ma.phase AS phase,
       coalesce(ma.obligations, t.obligations, []) AS aObligations, coalesce(ma.varying, []) AS aVarying,
       coalesce(ma.owedTo, []) AS aOwedTo, coalesce(mb.obligations, t.obligations, []) AS bObligations,
       coalesce(mb.varying, []) AS bVarying, coalesce(mb.owedTo, []) AS bOwedTo
ORDER BY a, b, treaty, phase
