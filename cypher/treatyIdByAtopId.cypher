// The id of the treaty ATOP numbers thus.
// params: $atopId: int
// returns: id: string
MATCH (t:Treaty {atopId: $atopId})
RETURN t.id AS id
LIMIT 1
