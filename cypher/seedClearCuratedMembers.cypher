// Seed: removes the curated memberships (`curated: true`) of the given treaties before
// seedTreatyMembers re-writes them, so that a membership the record no longer claims (a member
// deleted, a treaty now coded as never in force) is not left behind. ATOP's own member rows stay.
// params: $ids: string[] (treaty ids)
// returns: (none)
UNWIND $ids AS id
MATCH (:State)-[m:MEMBER_OF {curated: true}]->(:Treaty {id: id})
DELETE m
