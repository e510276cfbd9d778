// One page of states ordered by ccode, optionally those whose name contains a text, or those in
// the state system at some time in [inSystemFrom, inSystemTo] (one day: from = to); with the total count.
// params: $search: string?, $inSystemFrom: date?, $inSystemTo: date?, $skip: int, $first: int
// returns: total: int, page: {abbrev: string, ccode: int, name: string}[]
MATCH (s:State)
WHERE ($search IS NULL OR toLower(s.name) CONTAINS toLower($search) OR s.abbrev = toUpper($search))
  AND ($inSystemFrom IS NULL OR EXISTS {
    MATCH (s)-[m:IN_SYSTEM]->(:StateSystem)
    WHERE m.start <= date($inSystemTo) AND (m.end IS NULL OR m.end >= date($inSystemFrom))
  })
WITH s ORDER BY s.ccode
WITH collect(s {.ccode, .abbrev, .name}) AS items
RETURN size(items) AS total, items[$skip..$skip + $first] AS page
