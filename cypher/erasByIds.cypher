// Eras by id, for the era loader.
// params: $ids: string[]
// returns: id: string, name: string, start: date, end: date
UNWIND $ids AS id
MATCH (e:Era {id: id})
RETURN e.id AS id, e.name AS name, e.start AS start, e.end AS end
