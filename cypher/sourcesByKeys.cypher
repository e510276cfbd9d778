// Sources by key.
// params: $keys (string[])
// returns: key, kind, authors, title, year, publisher, container, volume, pages, url, citation
UNWIND $keys AS key
MATCH (s:Source {key: key})
RETURN s.key AS key, s.kind AS kind, s.authors AS authors, s.title AS title, s.year AS year,
       s.publisher AS publisher, s.container AS container, s.volume AS volume, s.pages AS pages,
       s.url AS url, s.citation AS citation
