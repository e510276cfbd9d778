// CINC (COW composite index of national capability) of states in given years, from NMC.
// params: $items: {ccode: int, id: string, year: int}[] (where id is "<ccode>-<year>", the Capability key)
// returns: ccode: int, year: int, cinc: float?
UNWIND $items AS item
MATCH (c:Capability {id: item.id})
RETURN item.ccode AS ccode, item.year AS year, c.cinc AS cinc
