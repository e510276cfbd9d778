// One page of treaties ordered by signing date, filtered by member, by an obligation type, and
// by being in force at a date (signed on or before it, not yet ended); with the total count.
// params: $member (int or null), $activeAt (ISO date or null), $obligation (string or null), $skip (int), $first (int)
// returns: total, page (list of treaty ids)
MATCH (t:Treaty)
WHERE ($obligation IS NULL OR $obligation IN t.obligations)
  AND ($activeAt IS NULL OR (t.signed <= date($activeAt) AND (t.ended IS NULL OR t.ended >= date($activeAt))))
  AND ($member IS NULL OR EXISTS {
    MATCH (:State {ccode: $member})-[m:MEMBER_OF]->(t)
    WHERE $activeAt IS NULL OR ((m.entry IS NULL OR m.entry <= date($activeAt)) AND (m.exit IS NULL OR m.exit >= date($activeAt)))
  })
WITH t ORDER BY t.signed, t.id
WITH collect(t.id) AS items
RETURN size(items) AS total, items[$skip..$skip + $first] AS page
