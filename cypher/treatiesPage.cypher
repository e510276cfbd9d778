// One page of treaties ordered by signing date, filtered by member, by an obligation type, and by
// being in force at some time in [activeFrom, activeTo] (one day: from = to; a member must be one
// then too); with the total count. The page holds the treaties themselves (the columns of
// treatiesByIds), so that a page and its nodes are one round trip.
// params: $member: int?, $activeFrom: date?, $activeTo: date?, $obligation: string?, $skip: int, $first: int
// returns: total: int, page: {id: string, name: string?, atopId: int?, signed: date, ended: date?,
//   obligations: Obligation[]}[]
MATCH (t:Treaty)
WHERE ($obligation IS NULL OR $obligation IN t.obligations)
  AND ($activeFrom IS NULL OR (t.signed <= date($activeTo) AND (t.ended IS NULL OR t.ended >= date($activeFrom))))
  AND ($member IS NULL OR EXISTS {
    MATCH (:State {ccode: $member})-[m:MEMBER_OF]->(t)
    WHERE $activeFrom IS NULL OR ((m.entry IS NULL OR m.entry <= date($activeTo)) AND (m.exit IS NULL OR m.exit >= date($activeFrom)))
  })
WITH t ORDER BY t.signed, t.id
WITH collect(t) AS items
RETURN size(items) AS total,
       [t IN items[$skip..$skip + $first] | t {.id, .name, .atopId, .signed, .ended, .obligations}] AS page
