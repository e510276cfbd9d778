// Seed: creates or updates sources (citations) by key.
// params: $rows: {authors: string[], citation: string, container: string?, key: string, kind: string,
//   pages: string?, publisher: string?, title: string, url: string?, volume: string?, year: int}[]
// returns: (none)
UNWIND $rows AS row
MERGE (s:Source {key: row.key})
SET s.kind = row.kind, s.authors = row.authors, s.title = row.title, s.year = row.year,
    s.publisher = row.publisher, s.container = row.container, s.volume = row.volume,
    s.pages = row.pages, s.url = row.url, s.citation = row.citation
