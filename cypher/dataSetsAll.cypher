// Every data set imported into the graph, by name, with the release it was loaded from (to cite the
// exact version behind an answer), its files' sha256 (to skip a re-import of the same files) and the
// years its rows cover (null for a data set recorded before coverage was read, or whose files give no years).
// params: (none)
// returns: name: string, version: string, files: string[], sha256: string[], rows: int, loadedAt: string,
//   citation: string, coverageFrom: int?, coverageTo: int?, coverageRead: boolean
MATCH (d:DataSet)
RETURN d.name AS name, d.version AS version, d.files AS files, d.sha256 AS sha256, d.rows AS rows,
       d.loadedAt AS loadedAt, d.citation AS citation, d.coverageFrom AS coverageFrom, d.coverageTo AS coverageTo,
       d.coverageRead IS NOT NULL AS coverageRead
ORDER BY d.name
