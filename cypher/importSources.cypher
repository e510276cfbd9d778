// Import: creates or updates the Source node of a data set (its citation and version).
// params: $rows: {authors: string[], citation: string, container: string?, key: string, kind: string,
//   pages: string?, publisher: string?, title: string, url: string?, version: string, volume: string?,
//   year: int}[]
// returns: (none)
UNWIND $rows AS row
MERGE (s:Source {key: row.key})
SET s.kind = row.kind, s.authors = row.authors, s.title = row.title, s.year = row.year,
    s.publisher = row.publisher, s.container = row.container, s.volume = row.volume,
    s.pages = row.pages, s.url = row.url, s.version = row.version, s.citation = row.citation
