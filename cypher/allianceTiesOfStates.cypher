// Each state's alliance ties up to a date: the other members of the same phase of every treaty it had
// joined by then (a null phase pairs only with a null phase), with the entry and exit dates of both
// and the treaty's end (the pairing rule, `commonSpell` in src/domain, reads them: open ties are in
// force at the date; closed ones are past alliances) and each side's own
// obligations in that phase with those it owes only to some members (`varying`, `owedTo` as
// `OBLIGATION:ccode`; a curated membership carries the treaty's obligations, owed to every member).
// The tie's obligations are `dyadObligations` (src/domain) of the two sides. Callers read each state
// once, at its latest date, through `readAllianceTies` (src/loaders/allianceTies.ts).
// params: $items: {at: date, ccode: int}[]
// returns: ccode: int, at: date, other: int, treaty: string, treatyName: string?, atopId: int?, phase: int?,
//   ownObligations: string[], ownVarying: string[], ownOwedTo: string[], otherObligations: string[],
//   otherVarying: string[], otherOwedTo: string[], entry: date, exit: date?, otherEntry: date, otherExit: date?,
//   ended: date?
UNWIND $items AS item
WITH item, date(item.at) AS atDate
MATCH (s:State {ccode: item.ccode})-[ms:MEMBER_OF]->(t:Treaty)<-[mo:MEMBER_OF]-(o:State)
WHERE o.ccode <> s.ccode AND ms.entry <= atDate AND mo.entry <= atDate
  AND (ms.phase = mo.phase OR (ms.phase IS NULL AND mo.phase IS NULL))
RETURN item.ccode AS ccode, item.at AS at, o.ccode AS other, t.id AS treaty, t.name AS treatyName,
       t.atopId AS atopId, ms.phase AS phase, coalesce(ms.obligations, t.obligations, []) AS ownObligations,
       coalesce(ms.varying, []) AS ownVarying, coalesce(ms.owedTo, []) AS ownOwedTo,
       coalesce(mo.obligations, t.obligations, []) AS otherObligations, coalesce(mo.varying, []) AS otherVarying,
       coalesce(mo.owedTo, []) AS otherOwedTo, ms.entry AS entry, ms.exit AS exit, mo.entry AS otherEntry, mo.exit AS otherExit,
       t.ended AS ended
ORDER BY ccode, other, entry, treaty, phase, otherEntry
