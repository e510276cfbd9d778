// Import (ATOP): the state an alliance names as its threat (statthr1, statthr2): the treaty is
// DIRECTED_AGAINST the Threat `state-<ccode>`, which is POSED_BY that state.
// params: $source: string (source key), $rows: {atopId: int, ccode: int}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.atopId})
MATCH (s:State {ccode: row.ccode})
MERGE (th:Threat {id: 'state-' + toString(row.ccode)})
SET th.name = s.name, th.description = 'The threat posed by ' + s.name + ' (COW ccode ' + toString(row.ccode) + '), as alliance data sets name it.'
MERGE (th)-[:POSED_BY]->(s)
MERGE (t)-[:DIRECTED_AGAINST]->(th)
MERGE (th)-[:CITES]->(src)
