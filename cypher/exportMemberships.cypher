// Every treaty membership in force at some time in [from, to], with the treaty's end and
// obligations, in one query: the dynamic exports pair the members of each treaty by the overlap
// of their spells (the same conditions as allianceTiesDuring, day by day). The dyad-year export
// pairs them within one phase and applies ATOP's dyadic rules to the member's own coding: its
// obligations (null for a curated membership: the treaty's apply), the obligations owed only to
// some members (`varying`) and to whom (`owedTo`, `OBLIGATION:ccode`), ATOP's `asymm` and `bilat`.
// params: $from: date, $to: date
// returns: ccode: int, treaty: string, treatyName: string?, atopId: int?, obligations: string[], entry: date,
//   exit: date?, ended: date?, phase: int?, curated: boolean?, memberObligations: string[]?, varying: string[]?,
//   owedTo: string[]?, asymm: boolean?, bilateral: boolean?
MATCH (s:State)-[m:MEMBER_OF]->(t:Treaty)
WHERE m.entry <= date($to) AND (m.exit IS NULL OR m.exit >= date($from))
  AND (t.ended IS NULL OR t.ended >= date($from))
RETURN s.ccode AS ccode, t.id AS treaty, t.name AS treatyName, t.atopId AS atopId, t.obligations AS obligations,
       m.entry AS entry, m.exit AS exit, t.ended AS ended, m.phase AS phase, m.curated AS curated,
       m.obligations AS memberObligations, m.varying AS varying, m.owedTo AS owedTo, m.asymm AS asymm,
       coalesce(m.bilateral, t.bilateral) AS bilateral
ORDER BY treaty, ccode, entry
