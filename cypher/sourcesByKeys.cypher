// Sources by key.
// params: $keys: string[]
// returns: key: string, kind: string, authors: string[], title: string, year: int, publisher: string?,
//   container: string?, volume: string?, pages: string?, url: string?, citation: string
UNWIND $keys AS key
MATCH (s:Source {key: key})
RETURN s.key AS key, s.kind AS kind, s.authors AS authors, s.title AS title, s.year AS year,
       s.publisher AS publisher, s.container AS container, s.volume AS volume, s.pages AS pages,
       s.url AS url, s.citation AS citation
