// One page of threats ordered by id, optionally those posed by one state; with the total count.
// params: $posedBy (int or null), $skip (int), $first (int)
// returns: total, page (list of threat ids)
MATCH (t:Threat)
WHERE $posedBy IS NULL OR EXISTS { MATCH (t)-[:POSED_BY]->(:State {ccode: $posedBy}) }
WITH t ORDER BY t.id
WITH collect(t.id) AS items
RETURN size(items) AS total, items[$skip..$skip + $first] AS page
