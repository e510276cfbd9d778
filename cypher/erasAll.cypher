// Every era, in chronological order.
// params: (none)
// returns: id: string, name: string, start: date, end: date
MATCH (e:Era)
RETURN e.id AS id, e.name AS name, e.start AS start, e.end AS end
ORDER BY e.start
