// Every data set imported into the graph, by name, with the release it was loaded from (to cite the
// exact version behind an answer) and its files' sha256 (to skip a re-import of the same files).
// params: (none)
// returns: name: string, version: string, files: string[], sha256: string[], rows: int, loadedAt: string,
//   citation: string
MATCH (d:DataSet)
RETURN d.name AS name, d.version AS version, d.files AS files, d.sha256 AS sha256, d.rows AS rows,
       d.loadedAt AS loadedAt, d.citation AS citation
ORDER BY d.name
