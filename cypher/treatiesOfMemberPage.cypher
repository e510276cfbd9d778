// One page of the treaties of one member, ordered by signing date, filtered as treatiesPage (an
// obligation type; in force at some time in [activeFrom, activeTo], the member a member then too);
// with the total count. Anchored on the member (its ccode is indexed): treatiesPage with a member
// reads every treaty of the graph, and on Grafeo 0.6 its member filter read every membership of the
// member for each of them; this reads the member's own. Same columns as treatiesPage.
// params: $member: int, $activeFrom: date?, $activeTo: date?, $obligation: string?, $skip: int, $first: int
// returns: total: int, page: {id: string, name: string?, atopId: int?, signed: date, ended: date?,
//   obligations: Obligation[]}[]
MATCH (:State {ccode: $member})-[m:MEMBER_OF]->(t:Treaty)
WHERE ($obligation IS NULL OR $obligation IN t.obligations)
  AND ($activeFrom IS NULL OR (t.signed <= date($activeTo) AND (t.ended IS NULL OR t.ended >= date($activeFrom))))
  AND ($activeFrom IS NULL OR ((m.entry IS NULL OR m.entry <= date($activeTo)) AND (m.exit IS NULL OR m.exit >= date($activeFrom))))
WITH DISTINCT t
WITH t ORDER BY t.signed, t.id
WITH collect(t) AS items
RETURN size(items) AS total,
       [t IN items[$skip..$skip + $first] | t {.id, .name, .atopId, .signed, .ended, .obligations}] AS page
