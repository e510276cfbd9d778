// Each state's alliance ties up to a date: the other members of every treaty it had joined by then,
// with entry and exit dates (open ties are in force at the date; closed ones are past alliances).
// params: $items: {at: date, ccode: int}[]
// returns: ccode: int, at: date, other: int, treaty: string, treatyName: string?, atopId: int?,
//   obligations: string[], entry: date, exit: date?, otherExit: date?
UNWIND $items AS item
MATCH (s:State {ccode: item.ccode})-[ms:MEMBER_OF]->(t:Treaty)<-[mo:MEMBER_OF]-(o:State)
WHERE o.ccode <> s.ccode AND ms.entry <= date(item.at) AND mo.entry <= date(item.at)
RETURN item.ccode AS ccode, item.at AS at, o.ccode AS other, t.id AS treaty, t.name AS treatyName,
       t.atopId AS atopId, t.obligations AS obligations, ms.entry AS entry, ms.exit AS exit, mo.exit AS otherExit
ORDER BY ccode, other, entry, treaty
