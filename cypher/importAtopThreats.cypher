// Import (ATOP): the state an alliance names as its threat (statthr1, statthr2): the treaty is
// DIRECTED_AGAINST the Threat `state-<ccode>`, which is POSED_BY that state. Those threats and links are
// ATOP's alone (the record's threats have ids of their own). The import stamps both with $stamp, so that
// importRemoveAtopThreatLinks and importRemoveAtopThreats can then remove what the file no longer names.
// params: $source: string (source key), $stamp: string (this import's stamp), $rows: {atopId: int, ccode: int}[]
// returns: (none)
MATCH (src:Source {key: $source})
UNWIND $rows AS row
MATCH (t:Treaty {atopId: row.atopId})
MATCH (s:State {ccode: row.ccode})
MERGE (th:Threat {id: 'state-' + toString(row.ccode)})
SET th.name = s.name, th.description = 'The threat posed by ' + s.name + ' (COW ccode ' + toString(row.ccode) + '), as alliance data sets name it.',
    th.importStamp = $stamp
MERGE (th)-[:POSED_BY]->(s)
MERGE (t)-[d:DIRECTED_AGAINST]->(th)
SET d.importStamp = $stamp
MERGE (th)-[:CITES]->(src)
