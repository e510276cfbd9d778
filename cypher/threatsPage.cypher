// One page of threats ordered by id, optionally those posed by one state; with the total count.
// params: $posedBy: int?, $skip: int, $first: int
// returns: total: int, page: string[]
MATCH (t:Threat)
WHERE $posedBy IS NULL OR EXISTS { MATCH (t)-[:POSED_BY]->(:State {ccode: $posedBy}) }
WITH t ORDER BY t.id
WITH collect(t.id) AS items
RETURN size(items) AS total, items[$skip..$skip + $first] AS page
