// How many relationships of each type the graph holds (seed and import summaries, tests).
// params: (none)
// returns: type: string, count: int
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
