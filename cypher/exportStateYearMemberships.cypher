// ATOP's memberships in force at some time in [from, to], for the state-year export: one row per
// member row of atop5_1m (member, alliance, phase, entry and exit dates) with the member's own
// obligations in that phase and the ATOP release that coded it. ATOP's own rows only: the treaty has
// an atopId (indexed) and the membership is not a curated (seed) one. One pattern, written from the
// treaty: on Grafeo a second MATCH clause after `MATCH (t:Treaty) WHERE ...` costs seconds.
// params: $from: date, $to: date
// returns: ccode: int, atopId: int, phase: int, entry: date, exit: date?, obligations: string[],
//   version: string?
MATCH (t:Treaty)<-[m:MEMBER_OF]-(s:State)
WHERE t.atopId IS NOT NULL AND coalesce(m.curated, false) = false
  AND m.entry <= date($to) AND (m.exit IS NULL OR m.exit >= date($from))
RETURN s.ccode AS ccode, t.atopId AS atopId, m.phase AS phase, m.entry AS entry, m.exit AS exit,
       coalesce(m.obligations, []) AS obligations, t.atopVersion AS version
ORDER BY ccode, atopId, phase, entry
