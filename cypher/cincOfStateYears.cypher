// CINC (COW composite index of national capability) of states in given years, from NMC.
// params: $items (list of {id, ccode, year}) where id is "<ccode>-<year>", the Capability key
// returns: ccode, year, cinc
UNWIND $items AS item
MATCH (c:Capability {id: item.id})
RETURN item.ccode AS ccode, item.year AS year, c.cinc AS cinc
