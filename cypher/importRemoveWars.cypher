// Import (COW wars, CDB90), after a data set withdrew its citations in the same transaction: removes every
// war no data set cites any more (neither COW wars, whose participants it held, nor CDB90, whose battles
// were PART_OF it), with what is left of its links.
// params: (none)
// returns: (none)
MATCH (w:War)
WHERE COUNT { (w)-[:CITES]->(:Source) } = 0
DETACH DELETE w
