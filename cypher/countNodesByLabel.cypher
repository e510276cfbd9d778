// How many nodes of each label the graph holds (health, seed and import summaries, tests).
// params: (none)
// returns: label: string, count: int
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
