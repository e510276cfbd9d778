// One page of the treaties of one member, ordered by signing date, filtered as treatiesPage (an
// obligation type; in force at some time in [activeFrom, activeTo], the member a member then too);
// with the total count. Anchored on the member (its ccode is indexed): treatiesPage with a member
// reads every treaty of the graph, and on Grafeo 0.6 its member filter read every membership of the
// member for each of them; this reads the member's own. Same columns as treatiesPage, without the
// treaties' memberships (null): when the selection asks for them, the resolver reads a member's page
// with treatiesPage, which carries them.
// params: $member: int, $activeFrom: date?, $activeTo: date?, $obligation: string?, $skip: int, $first: int
// returns: total: int, page: {id: string, name: string?, atopId: int?, signed: date, ended: date?,
//   obligations: Obligation[], members: {ccode: int, abbrev: string, name: string, curated: boolean, entry: date,
//   entryPrecision: Precision?, exit: date?, exitPrecision: Precision?, phase: int?, obligations: Obligation[]?,
//   conditional: boolean?, defcon: boolean?, offcon: boolean?, neucon: boolean?, concon: boolean?,
//   conditionDetails: string[]?, asymm: boolean?, obvary: boolean?, bilateral: boolean?, inEffect: boolean?,
//   cowSystem: boolean?, termMode: int?, termCause: int?, varying: Obligation[]?, owedTo: string[]?}[]?}[]
MATCH (:State {ccode: $member})-[m:MEMBER_OF]->(t:Treaty)
WHERE ($obligation IS NULL OR $obligation IN t.obligations)
  AND ($activeFrom IS NULL OR (t.signed <= date($activeTo) AND (t.ended IS NULL OR t.ended >= date($activeFrom))))
  AND ($activeFrom IS NULL OR ((m.entry IS NULL OR m.entry <= date($activeTo)) AND (m.exit IS NULL OR m.exit >= date($activeFrom))))
WITH DISTINCT t
WITH t ORDER BY t.signed, t.id
WITH collect(t) AS items
RETURN size(items) AS total,
       [t IN items[$skip..$skip + $first] | t {.id, .name, .atopId, .signed, .ended, .obligations, members: null}] AS page
