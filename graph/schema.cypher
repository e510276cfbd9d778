// Constraints and indexes, applied on start-up to both stores (one statement per call).
// Every statement is idempotent (IF NOT EXISTS).
CREATE CONSTRAINT state_ccode IF NOT EXISTS FOR (n:State) REQUIRE n.ccode IS UNIQUE;
CREATE CONSTRAINT state_system_id IF NOT EXISTS FOR (n:StateSystem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT threat_id IF NOT EXISTS FOR (n:Threat) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT negotiation_id IF NOT EXISTS FOR (n:Negotiation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT negotiation_round_id IF NOT EXISTS FOR (n:NegotiationRound) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT war_plan_id IF NOT EXISTS FOR (n:WarPlan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT treaty_id IF NOT EXISTS FOR (n:Treaty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT era_id IF NOT EXISTS FOR (n:Era) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE INDEX state_abbrev IF NOT EXISTS FOR (n:State) ON (n.abbrev);
CREATE INDEX treaty_atop_id IF NOT EXISTS FOR (n:Treaty) ON (n.atopId);
CREATE INDEX negotiation_start IF NOT EXISTS FOR (n:Negotiation) ON (n.start);
CREATE INDEX negotiation_outcome IF NOT EXISTS FOR (n:Negotiation) ON (n.outcome);
CREATE INDEX treaty_signed IF NOT EXISTS FOR (n:Treaty) ON (n.signed);
// Imported data sets (src/import). Plain indexes, not uniqueness constraints: on Grafeo 0.6 writes
// under a uniqueness constraint slow down with the size of the label (a 16,000-row import took over
// 3 minutes); the importers MERGE on these keys, so they stay unique.
CREATE INDEX treaty_phase_id IF NOT EXISTS FOR (n:TreatyPhase) ON (n.id);
CREATE INDEX capability_id IF NOT EXISTS FOR (n:Capability) ON (n.id);
CREATE INDEX threat_score_id IF NOT EXISTS FOR (n:ThreatScore) ON (n.id);
CREATE INDEX dispute_id IF NOT EXISTS FOR (n:Dispute) ON (n.id);
CREATE INDEX war_id IF NOT EXISTS FOR (n:War) ON (n.id);
CREATE INDEX battle_id IF NOT EXISTS FOR (n:Battle) ON (n.id);
CREATE INDEX belligerent_id IF NOT EXISTS FOR (n:Belligerent) ON (n.id);
CREATE INDEX battle_dyad_id IF NOT EXISTS FOR (n:BattleDyad) ON (n.id);
CREATE INDEX rivalry_id IF NOT EXISTS FOR (n:Rivalry) ON (n.id);
// Seed (src/seed/loadSeed.ts): what the record says it does not know, the second coding, and the
// chapters of tables of contents; MERGEd on these ids.
CREATE INDEX plan_unknown_id IF NOT EXISTS FOR (n:PlanUnknown) ON (n.id);
CREATE INDEX options_not_discussed_id IF NOT EXISTS FOR (n:OptionsNotDiscussed) ON (n.id);
CREATE INDEX second_coding_id IF NOT EXISTS FOR (n:SecondCoding) ON (n.id);
CREATE INDEX chapter_id IF NOT EXISTS FOR (n:Chapter) ON (n.id);
// The record of each imported data set (src/import/runImport.ts): one per data set name.
CREATE CONSTRAINT data_set_name IF NOT EXISTS FOR (n:DataSet) REQUIRE n.name IS UNIQUE;

// The data-version stamp (one node).
CREATE CONSTRAINT data_version_id IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.id IS UNIQUE;
