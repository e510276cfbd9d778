// Import: records the release a data set was loaded from (one DataSet node per data set, replaced by
// a later import): version, files and their sha256, rows read, when, citation, and the years its rows
// cover (read from them at import; null when the files give no years).
// params: $name: string (data set name), $version: string, $files: string[] (file names),
//   $sha256: string[] (sha256 of each file's content, in the order of files), $rows: int (rows read),
//   $loadedAt: string (ISO 8601 timestamp, UTC), $citation: string, $coverageFrom: int?, $coverageTo: int?
// returns: (none)
MERGE (d:DataSet {name: $name})
SET d.version = $version, d.files = $files, d.sha256 = $sha256, d.rows = $rows, d.loadedAt = $loadedAt, d.citation = $citation,
    d.coverageFrom = $coverageFrom, d.coverageTo = $coverageTo, d.coverageRead = true
