// Treaties by id, for the treaty loader.
// params: $ids: string[]
// returns: id: string, name: string?, atopId: int?, signed: date, ended: date?, obligations: Obligation[]
UNWIND $ids AS id
MATCH (t:Treaty {id: id})
RETURN t.id AS id, t.name AS name, t.atopId AS atopId, t.signed AS signed, t.ended AS ended,
       t.obligations AS obligations
