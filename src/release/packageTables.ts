/**
 * The tables of the data package, declared once: each table's file, what a row is, and each column's
 * name, type, constraints and meaning, with the primary and foreign keys. `datapackage.json` (Table
 * Schema), the codebook's list of tables and columns (docs/codebook.md §22) and the CSV writer's column
 * order are all derived from these declarations, so they cannot drift apart.
 *
 * Conventions (kept by the column helpers below): names follow what users of ATOP and peacesciencer
 * know (`ccode`, `ccode1`/`ccode2`, `atopid`, `stateabb`); an empty cell is the one missing-value code
 * (Table Schema `missingValues: [""]`: NA in R, missing in Stata, NaN in pandas), and the description
 * says what it means where it is not "not coded"; indicators are 0/1 integers, as in ATOP; lists are
 * `;`-separated in one cell, as peacesciencer's `atop_ids`.
 */
import {
  APPROACHES,
  ATTRACTIVENESS,
  RECORD_CODINGS,
  COMMITMENT_FORMS,
  CONFIDENCE,
  OBLIGATIONS,
  OUTCOMES,
  OUTSIDE_OPTION_KINDS,
  PRECISIONS,
  PROPOSAL_RESPONSES,
  SOURCE_KINDS,
  THIRD_PARTY_ROLES,
  UNIVERSE_EXCLUSION_CODES,
  UNIVERSE_STATUSES,
  WAR_PLAN_KINDS,
  describeAttractiveness,
} from '../domain/index.js';

export type FieldType = 'string' | 'integer' | 'number' | 'date';

export interface Column {
  name: string;
  type: FieldType;
  description: string;
  /** Never empty. */
  required?: boolean;
  /** The closed list of values (a vocabulary of src/domain, or 0/1). */
  enum?: readonly (string | number)[];
  /** A regular expression every non-empty value matches (Table Schema `pattern`, XML Schema flavour). */
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export interface ForeignKey {
  fields: string[];
  /** The table referred to; `''` is the table itself (Table Schema's self-reference). */
  table: string;
  tableFields: string[];
}

export interface TableDecl {
  /** The resource name in datapackage.json; also the file name (`<name>.csv`). */
  name: string;
  title: string;
  /** One row is … */
  row: string;
  description: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Large derived tables are written in a columnar format too (see writeRelease.ts). */
  parquet?: boolean;
}

const SLUG = '[a-z0-9]+(-[a-z0-9]+)*';
const CCODE_LIST = '[0-9]+(;[0-9]+)*';
const SLUG_LIST = `${SLUG}(;${SLUG})*`;

const col = (name: string, type: FieldType, description: string, extra: Partial<Column> = {}): Column => ({
  name,
  type,
  description,
  ...extra,
});
const req = (name: string, type: FieldType, description: string, extra: Partial<Column> = {}): Column =>
  col(name, type, description, { required: true, ...extra });
/** A 0/1 indicator (ATOP's convention), never empty. */
const flag = (name: string, description: string): Column => req(name, 'integer', description, { enum: [0, 1] });
const vocab = (name: string, values: readonly string[], description: string, required = false): Column =>
  col(name, 'string', description, { enum: values, required });
const ccode = (name: string, description: string, required = false): Column =>
  col(name, 'integer', description, { minimum: 1, maximum: 999, required });
const ccodes = (name: string, description: string): Column =>
  col(name, 'string', `${description} COW ccodes, ascending, \`;\`-separated.`, { pattern: CCODE_LIST });
const id = (name: string, description: string, required = false): Column =>
  col(name, 'string', description, { pattern: SLUG, required });
const share = (name: string, description: string): Column =>
  col(name, 'number', description, { minimum: 0, maximum: 1 });

const negotiationId = (description = 'The negotiation (`negotiations.negotiation_id`).') =>
  id('negotiation_id', description, true);
const toNegotiations = (fields = ['negotiation_id']): ForeignKey => ({
  fields,
  table: 'negotiations',
  tableFields: ['negotiation_id'],
});
const toStates = (field: string): ForeignKey => ({ fields: [field], table: 'states', tableFields: ['ccode'] });
const toParties: ForeignKey = {
  fields: ['negotiation_id', 'ccode'],
  table: 'negotiation_parties',
  tableFields: ['negotiation_id', 'ccode'],
};

const MODEL_EMPTY =
  'Empty when a party of the negotiation is under `plansUnknown` (the sources do not settle its entry plan, so there is no compatibility to read).';

export const PACKAGE_TABLES: readonly TableDecl[] = [
  {
    name: 'negotiations',
    title: 'Negotiations',
    row: 'one alliance treaty negotiation (§4)',
    description:
      'Every negotiation of the record, successful or not, in chronological order (start, then id). Merge with ATOP on `atopid`.',
    columns: [
      negotiationId('The negotiation\'s key, a slug ("anglo-german-1898"); the id of the API.'),
      req('name', 'string', 'Its name.'),
      req(
        'start',
        'date',
        'The first approach with alliance terms the sources record (§4); the first day of the month or year when `start_precision` is MONTH or YEAR.',
      ),
      vocab('start_precision', PRECISIONS, 'How much of `start` is known.', true),
      flag(
        'start_not_recorded',
        '1 when the sources date the signature but not the opening of the talks: `start` is then the signature, and a duration of zero is not a finding (leave these out of analyses of duration).',
      ),
      req(
        'end',
        'date',
        'The signature (agreement), the last exchange after which the talks were dead, or their formal breaking-off.',
      ),
      vocab('end_precision', PRECISIONS, 'How much of `end` is known.', true),
      vocab(
        'outcome',
        OUTCOMES,
        'AGREEMENT: signed and in force; NONAGREEMENT: no signed treaty; SIGNED_NOT_IN_FORCE: signed, never in force.',
        true,
      ),
      flag(
        'agreed',
        '1 when a treaty was signed (AGREEMENT or SIGNED_NOT_IN_FORCE): the outcome the agreement model learns.',
      ),
      id('era_id', 'The era in which `start` falls (`eras.era_id`).', true),
      { ...ccodes('parties', 'The states at the table.'), required: true },
      req('n_parties', 'integer', 'The number of parties.', { minimum: 2 }),
      id('treaty_id', 'The treaty the negotiation produced; empty for NONAGREEMENT.'),
      col('treaty_name', 'string', "The treaty's name; empty for NONAGREEMENT."),
      col(
        'atopid',
        'integer',
        "ATOP's `atopid` of the resulting treaty; empty when there is no treaty, or ATOP does not code it as an alliance of its own (not an alliance in ATOP, or a later phase of another: §3.1).",
        { minimum: 1 },
      ),
      vocab('confidence', CONFIDENCE, 'How firmly the record supports the negotiation as coded (§2.2).', true),
      flag(
        'target_at_table',
        '1 when plans in this negotiation may aim at a state at the table (neutrality, non-aggression, coercive or "reinsurance" talks, §6).',
      ),
      col('target_at_table_reason', 'string', 'Why plans may aim at a state at the table; empty when none may.'),
      req(
        'n_plans_unknown',
        'integer',
        'Parties whose entry plan the sources do not settle (`plansUnknown`, §5.4); the model columns of negotiation_parties are given only where it is 0.',
        { minimum: 0 },
      ),
      req('summary', 'string', 'The course of the talks.'),
      col('notes', 'string', 'Decisions on questioned codings and why.'),
    ],
    primaryKey: ['negotiation_id'],
    foreignKeys: [{ fields: ['era_id'], table: 'eras', tableFields: ['era_id'] }],
  },
  {
    name: 'negotiation_parties',
    title: 'Parties at the table',
    row: "one party of one negotiation (§5): its entry plan, its outside options at the start, and the agreement model's reading of the negotiation",
    description:
      'The computed outside options, the compatibility features and the probability are those of the API (`agreementLikelihood`, `outsideOptions`), computed from the whole graph: the record and the published data sets (data_sets).',
    columns: [
      negotiationId(),
      ccode('ccode', 'The party (COW ccode).', true),
      req('stateabb', 'string', "COW's abbreviation of the party."),
      flag(
        'plan_known',
        "1 when the record codes the party's entry plan; 0 when the party is under `plansUnknown` (§5.4).",
      ),
      col(
        'plans_unknown_reason',
        'string',
        'Why the works checked do not settle the entry plan (§5.4); empty when `plan_known` is 1.',
      ),
      id('entry_plan_id', 'The entry IDEAL plan (`plans.plan_id`); empty when `plan_known` is 0.'),
      id('target_id', 'The threat the entry plan aims at (`threats.threat_id`).'),
      ccodes('target_ccodes', 'The states posing that threat (targets are compared by these, §12).'),
      vocab(
        'approach',
        APPROACHES,
        "The entry plan's approach: OFFENSIVE, apply force on the target's territory; DEFENSIVE, deter or resist its attack.",
      ),
      col(
        'scope_regions',
        'string',
        "Regions the entry plan's commitment should cover (region ids, `;`-separated); empty: not coded (§13).",
        { pattern: SLUG_LIST },
      ),
      ccodes('scope_states', "States the entry plan's commitment should cover; empty: not coded."),
      vocab('form', COMMITMENT_FORMS, "The entry plan's form of commitment; empty: not coded."),
      vocab('plan_confidence', CONFIDENCE, "Confidence of the entry plan's coding."),
      req('n_later_plans', 'integer', 'Ideal plans the party held from a later round (§5.3).', { minimum: 0 }),
      req(
        'n_recorded_options',
        'integer',
        "Outside options the party's decision-makers weighed, as the record gives them (primary coding, §9).",
        { minimum: 0 },
      ),
      flag('options_not_discussed', '1 when the works checked record no outside option for the party (§9.2).'),
      vocab(
        'recorded_option_best',
        ATTRACTIVENESS,
        "The highest attractiveness among the party's recorded options; empty when it has none.",
      ),
      share('recorded_option_value', `\`recorded_option_best\` as a number (${describeAttractiveness()}).`),
      share(
        'computed_option',
        "The computed outside option at the negotiation's start: the best of the three below (the API's `outsideOptions(party, negotiation).overall`).",
      ),
      share(
        'computed_alternative_allies',
        'Attractiveness of the best alternative ally (states available instead of the partners at the table).',
      ),
      share(
        'computed_unilateral',
        'Attractiveness of handling the target alone (capabilities); empty when there are no capability data for the year.',
      ),
      share('computed_buck_passing', 'Attractiveness of leaving the target to others.'),
      ccode('computed_best_ally', 'The best alternative ally; empty when there is none.'),
      share('computed_best_ally_score', 'Its score.'),
      share(
        'model_outside_option',
        "The outside option the agreement model reads for this party: the recorded one where the record has the party's own view, the computed one otherwise.",
      ),
      flag('model_outside_option_recorded', '1 when `model_outside_option` is the recorded one.'),
      col(
        'highly_compatible',
        'integer',
        `Negotiation-level: 1 when every party's entry plan has the same target and approach, else 0. ${MODEL_EMPTY}`,
        { enum: [0, 1] },
      ),
      share(
        'target_agreement',
        `Negotiation-level: share of parties in the largest group agreeing on the target. ${MODEL_EMPTY}`,
      ),
      share('approach_agreement', `Negotiation-level: the same for the approach. ${MODEL_EMPTY}`),
      share(
        'scope_agreement',
        'Negotiation-level: the same for the scope, over the parties whose plan codes one; empty when fewer than two do, or a party is under `plansUnknown`.',
      ),
      share(
        'form_agreement',
        'Negotiation-level: the same for the form; empty when fewer than two parties code one, or a party is under `plansUnknown`.',
      ),
      share(
        'targets_at_table',
        `Negotiation-level: share of the parties whose entry plan targets a state at the table (a pact with the threat itself), a feature of the model. ${MODEL_EMPTY}`,
      ),
      share(
        'model_probability',
        `Negotiation-level: the agreement model's probability of a treaty, fitted on every other negotiation (leave-one-out; the API's \`agreementLikelihood.probability\`, rounded to 6 decimals). ${MODEL_EMPTY}`,
      ),
      share(
        'model_probability_low',
        `Negotiation-level: the 5th percentile of that probability over the model's bootstrap replicates that did not draw the negotiation (the API's \`agreementLikelihood.interval.low\`). ${MODEL_EMPTY}`,
      ),
      share(
        'model_probability_high',
        `Negotiation-level: the 95th percentile, likewise (\`interval.high\`). ${MODEL_EMPTY}`,
      ),
    ],
    primaryKey: ['negotiation_id', 'ccode'],
    foreignKeys: [
      toNegotiations(),
      toStates('ccode'),
      { fields: ['entry_plan_id'], table: 'plans', tableFields: ['plan_id'] },
      { fields: ['target_id'], table: 'threats', tableFields: ['threat_id'] },
    ],
  },
  {
    name: 'plans',
    title: 'War plans',
    row: 'one war plan: an ideal plan (the entry plan, or one held from a later round), a plan a proposal put on the table, or an alternative coding of an ideal plan (§5, §8.2, §14)',
    description:
      'The alternative codings are full plans (unchanged components copied from the primary one), linked by `alternative_of`.',
    columns: [
      req(
        'plan_id',
        'string',
        "The plan's id (`<negotiation>-ideal-<ccode>[-r<round>]`, `<proposal>-plan`, `<primary>-alt<n>`).",
      ),
      negotiationId(),
      ccode('ccode', 'The holder: the party whose plan it is (for a proposed plan, the first proposer).', true),
      vocab('kind', WAR_PLAN_KINDS, 'IDEAL: what the party wanted; PROPOSED: what a proposal put on the table.', true),
      vocab(
        'coding',
        RECORD_CODINGS,
        'PRIMARY, or ALTERNATIVE: another reading of the ideal plan `alternative_of`.',
        true,
      ),
      col('alternative_of', 'string', 'The primary plan this one reads otherwise; empty for a primary plan.'),
      col(
        'from_round',
        'integer',
        'The round (sequence) from which a later ideal plan held; empty for an entry plan or a proposed plan.',
        { minimum: 2 },
      ),
      col(
        'proposal_id',
        'string',
        'The proposal that put the plan on the table (`proposals.proposal_id`); empty for ideal plans.',
      ),
      id('target_id', 'The threat the plan aims at (`threats.threat_id`).', true),
      ccodes('target_ccodes', 'The states posing it.'),
      vocab('approach', APPROACHES, 'OFFENSIVE or DEFENSIVE.', true),
      col('scope_regions', 'string', 'Regions the commitment should cover; empty: not coded.', { pattern: SLUG_LIST }),
      ccodes('scope_states', 'States the commitment should cover; empty: not coded.'),
      col('scope_note', 'string', 'A note on the scope.'),
      vocab('form', COMMITMENT_FORMS, 'AUTOMATIC or CONSULTATIVE; empty: not coded.'),
      vocab('confidence', CONFIDENCE, 'Confidence of the coding (a proposed plan: HIGH).', true),
      col(
        'justification',
        'string',
        'What the decision-makers wanted, and the evidence (ideal plans); the note or summary of the proposal (proposed plans).',
      ),
      col('rationale', 'string', 'Why an alternative reading is reasonable (alternatives only).'),
      col(
        'target_not_perceived',
        'string',
        'Why the holder has no recorded perception of the target when the plan was held (§5.5).',
      ),
    ],
    primaryKey: ['plan_id'],
    foreignKeys: [
      toParties,
      { fields: ['alternative_of'], table: '', tableFields: ['plan_id'] },
      { fields: ['proposal_id'], table: 'proposals', tableFields: ['proposal_id'] },
      { fields: ['target_id'], table: 'threats', tableFields: ['threat_id'] },
    ],
  },
  {
    name: 'outside_options',
    title: 'Recorded outside options',
    row: "one outside option a party's own decision-makers weighed, as the sources record it, or an alternative coding of one (§9, §14)",
    description: 'The computed options (from capabilities, ties and shared threats) are in negotiation_parties.',
    columns: [
      req('option_id', 'string', "The option's id (`<negotiation>-option-<ccode>-<n>`, alternatives `<id>-alt<n>`)."),
      negotiationId(),
      ccode('ccode', 'The party that weighed it.', true),
      vocab('coding', RECORD_CODINGS, 'PRIMARY, or ALTERNATIVE: another reading of the option `alternative_of`.', true),
      col('alternative_of', 'string', 'The primary option this one reads otherwise; empty for a primary option.'),
      vocab(
        'kind',
        OUTSIDE_OPTION_KINDS,
        'ALTERNATIVE_ALLY: another state instead of the partners at the table; UNILATERAL: handling the target alone; BUCK_PASSING: leaving the cost of deterring the target to others.',
        true,
      ),
      ccode('ally_ccode', 'With ALTERNATIVE_ALLY: the state; empty otherwise.'),
      vocab('attractiveness', ATTRACTIVENESS, "As the party's decision-makers saw it.", true),
      share('attractiveness_value', `The model\'s number for it (${describeAttractiveness()}).`),
      vocab('confidence', CONFIDENCE, 'Confidence of the coding.', true),
      id(
        'realised_in',
        'The negotiation of the record in which the party took the option; empty: not taken in the record.',
      ),
      col('evidence', 'string', 'What the decision-makers said or did (primary options).'),
      col('rationale', 'string', 'Why an alternative reading is reasonable (alternatives only).'),
    ],
    primaryKey: ['option_id'],
    foreignKeys: [
      toParties,
      { fields: ['alternative_of'], table: '', tableFields: ['option_id'] },
      toStates('ally_ccode'),
      { fields: ['realised_in'], table: 'negotiations', tableFields: ['negotiation_id'] },
    ],
  },
  {
    name: 'proposals',
    title: 'Proposals',
    row: 'one proposal made during a negotiation (§8.1)',
    description: 'In the order the record gives them (`sequence`).',
    columns: [
      req('proposal_id', 'string', "The proposal's id (`<negotiation>-p<sequence>`)."),
      negotiationId(),
      req('sequence', 'integer', "Its position among the negotiation's proposals.", { minimum: 1 }),
      col('round_id', 'string', 'The round it was made in (`rounds.round_id`); empty: not assigned.'),
      req('date', 'date', 'When it was made (first day of the month or year, see `date_precision`).'),
      vocab('date_precision', PRECISIONS, 'How much of `date` is known.', true),
      ccodes('by_ccodes', 'The proposer, or the joint proposers.'),
      ccodes('to_ccodes', 'The addressees.'),
      col(
        'obligations',
        'string',
        `The obligations proposed (\`;\`-separated: ${OBLIGATIONS.join(', ')}); empty: not coded.`,
        { pattern: `(${OBLIGATIONS.join('|')})(;(${OBLIGATIONS.join('|')}))*` },
      ),
      vocab('response', PROPOSAL_RESPONSES, 'How the other parties answered.', true),
      col('response_note', 'string', 'A note on the answer.'),
      req('summary', 'string', 'What was proposed.'),
      col('plan_id', 'string', 'The plan it put on the table (`plans.plan_id`); empty: not coded.'),
    ],
    primaryKey: ['proposal_id'],
    foreignKeys: [
      toNegotiations(),
      { fields: ['round_id'], table: 'rounds', tableFields: ['round_id'] },
      { fields: ['plan_id'], table: 'plans', tableFields: ['plan_id'] },
    ],
  },
  {
    name: 'rounds',
    title: 'Rounds',
    row: 'one round (stage) of a negotiation (§7)',
    description: 'In sequence within each negotiation.',
    columns: [
      req('round_id', 'string', "The round's id (`<negotiation>-r<sequence>`)."),
      negotiationId(),
      req('sequence', 'integer', 'Its number within the negotiation.', { minimum: 1 }),
      req('start', 'date', 'When it began.'),
      vocab('start_precision', PRECISIONS, 'How much of `start` is known.', true),
      col('end', 'date', 'When it ended; empty: not recorded.'),
      vocab('end_precision', PRECISIONS, 'How much of `end` is known; empty with `end`.'),
      req('place', 'string', 'Where the talks were held ("not recorded in the works checked" where they do not say).'),
      col('negotiators', 'string', 'The negotiators as the sources name them, `;`-separated; empty: none recorded.'),
      col('summary', 'string', 'What happened in the round.'),
    ],
    primaryKey: ['round_id'],
    foreignKeys: [toNegotiations()],
  },
  {
    name: 'third_parties',
    title: 'Third parties',
    row: 'one state not at the table whose place in the talks was itself at issue (§10)',
    description:
      "States whose guarantee was at issue but which were neither invited nor holders of a needed consent are in the plans' scope instead.",
    columns: [
      negotiationId(),
      ccode('ccode', 'The third party.', true),
      vocab(
        'role',
        THIRD_PARTY_ROLES,
        'INVITED: asked to join the treaty or the talks; VETO: its consent was needed for the plan and it withheld it or could.',
        true,
      ),
      req('note', 'string', 'What was at issue.'),
    ],
    primaryKey: ['negotiation_id', 'ccode'],
    foreignKeys: [toNegotiations(), toStates('ccode')],
  },
  {
    name: 'threats',
    title: 'Threats',
    row: 'one threat a war plan aims at (§12)',
    description: 'The threats named by the plans and by the second coding.',
    columns: [
      id('threat_id', "The threat's id.", true),
      req('name', 'string', 'Its name.'),
      ccodes('posed_by', 'The states posing it (targets are compared by these).'),
      col('description', 'string', 'What it is, where the record says more than the name.'),
    ],
    primaryKey: ['threat_id'],
    foreignKeys: [],
  },
  {
    name: 'eras',
    title: 'Eras',
    row: 'one named period (§15)',
    description: 'A negotiation belongs to the era in which its start falls.',
    columns: [
      id('era_id', "The era's id.", true),
      req('name', 'string', 'Its name.'),
      req('start', 'date', 'First day.'),
      req('end', 'date', 'Last day.'),
    ],
    primaryKey: ['era_id'],
    foreignKeys: [],
  },
  {
    name: 'states',
    title: 'States',
    row: "one state named in the record's tables, by COW country code (§16)",
    description: "Abbreviations and names as COW's State System Membership List v2016 spells them.",
    columns: [
      ccode('ccode', 'COW country code.', true),
      req('stateabb', 'string', 'COW abbreviation.'),
      req('statenme', 'string', 'COW name.'),
    ],
    primaryKey: ['ccode'],
    foreignKeys: [],
  },
  {
    name: 'sources',
    title: 'Sources',
    row: 'one work the record cites (§17.1)',
    description: 'Also as BibTeX (sources.bib) and CSL-JSON (sources.csl.json), with the same keys.',
    columns: [
      req('source_key', 'string', 'The key the record cites it by (BibTeX and CSL-JSON use the same).'),
      vocab(
        'kind',
        SOURCE_KINDS,
        'BOOK, ARTICLE, CHAPTER, DOCUMENTS (a published collection), DATASET or TREATY_TEXT.',
        true,
      ),
      req('authors', 'string', 'Authors or editors as the record writes them, `; `-separated.'),
      req('title', 'string', 'Title.'),
      req('year', 'integer', 'Year of the edition cited.'),
      col('publisher', 'string', 'Publisher.'),
      col('container', 'string', 'Journal or edited volume.'),
      col('volume', 'string', 'Volume.'),
      col('pages', 'string', "The work's own page range (e.g. of an article); not a locator."),
      col('url', 'string', 'An edition a reader can open.'),
      req('citation', 'string', "A one-line citation (the API's `citation`)."),
    ],
    primaryKey: ['source_key'],
    foreignKeys: [],
  },
  {
    name: 'citations',
    title: 'Citations',
    row: 'one reference of one coded fact to a source, with its locator (§17.2)',
    description:
      'Which facts cite which sources, and where in the work. A fact may cite one work several times (two documents of one collection).',
    columns: [
      vocab(
        'fact_type',
        [
          'negotiation',
          'target_at_table',
          'round',
          'proposal',
          'plan',
          'outside_option',
          'third_party',
          'treaty',
          'plans_unknown',
          'options_not_discussed',
        ],
        'What is cited for: the table its `fact_id` is in (negotiation, target_at_table and treaty: negotiations; round: rounds; proposal: proposals; plan: plans; outside_option: outside_options; third_party, plans_unknown, options_not_discussed: the negotiation and `ccode`).',
        true,
      ),
      req(
        'fact_id',
        'string',
        "The fact's id in its table (`negotiation_id`, `treaty_id`, `round_id`, `proposal_id`, `plan_id`, `option_id`), or `<negotiation>-<fact_type>-<ccode>` for third parties and the two statements of absence.",
      ),
      negotiationId(),
      ccode('ccode', 'The party or third party, for third_party, plans_unknown and options_not_discussed.'),
      req('ref_index', 'integer', "The reference's position among the fact's references.", { minimum: 1 }),
      req('source_key', 'string', 'The work (`sources.source_key`).'),
      col('pages', 'string', "Pages, of an edition a reader can open (the source's url, or `seen_at`)."),
      col('chapter', 'string', "A chapter, by its number in the work's table of contents."),
      col('chapter_title', 'string', "That chapter's title, from the table of contents the record holds."),
      col('document', 'string', 'A document, by its number in a published collection.'),
      col('seen_at', 'string', 'Where the cited page or document was read.'),
      col('note', 'string', 'A note on the reference.'),
    ],
    primaryKey: ['fact_type', 'fact_id', 'ref_index'],
    foreignKeys: [toNegotiations(), { fields: ['source_key'], table: 'sources', tableFields: ['source_key'] }],
  },
  {
    name: 'universe',
    title: 'Universe: concordance with ATOP 5.1',
    row: 'one ATOP 5.1 alliance beginning 1815–1949, IN the record with its negotiation or OUT with a reason (§18)',
    description: 'seed/universe.csv, as curated.',
    columns: [
      req('atopid', 'integer', "ATOP's `atopid`.", { minimum: 1 }),
      req('begins', 'date', "ATOP's begin date (a missing day or month written 01)."),
      ccodes('members', "ATOP's original members."),
      vocab('status', UNIVERSE_STATUSES, 'IN: the outcome of `negotiation_id`; OUT: left out for `reason`.', true),
      id(
        'negotiation_id',
        'IN: the negotiation whose treaty carries this atopid; OUT PART_OF: the negotiation the instrument belongs to; otherwise empty or a related negotiation.',
      ),
      vocab('reason', UNIVERSE_EXCLUSION_CODES, 'Why an OUT alliance is out (closed list, §18); empty for IN.'),
      col('justification', 'string', 'OUT: the works and searches checked.'),
    ],
    primaryKey: ['atopid'],
    foreignKeys: [toNegotiations()],
  },
  {
    name: 'second_coding',
    title: 'Second coding',
    row: "one party of a negotiation of the reliability sample, coded blind by a second coder: its entry plan's target and approach (§20)",
    description:
      'The 73 negotiations drawn for the sample (seed/second-coding/sample.yaml); compare with negotiation_parties on (negotiation_id, ccode), targets by `target_ccodes`.',
    columns: [
      negotiationId(),
      ccode('ccode', 'The party.', true),
      flag(
        'settled',
        '1 when the second coder could set the entry plan; 0 when the works did not settle it (`reason`).',
      ),
      id('target_id', "The threat coded, where the coder named one of the record's threats."),
      ccodes('target_ccodes', 'The states posing the target coded (from the threat, or as the coder named them).'),
      vocab('approach', APPROACHES, 'The approach coded; empty when not settled.'),
      vocab('confidence', CONFIDENCE, "The second coder's confidence.", true),
      req('rationale', 'string', "The second coder's reading."),
      col('reason', 'string', 'Why the plan is not settled, or a note.'),
      col('sources', 'string', 'The works the second coder used (`sources.source_key`, `;`-separated).', {
        pattern: SLUG_LIST,
      }),
    ],
    primaryKey: ['negotiation_id', 'ccode'],
    foreignKeys: [toParties, { fields: ['target_id'], table: 'threats', tableFields: ['threat_id'] }],
  },
  {
    name: 'data_sets',
    title: 'Published data sets',
    row: 'one published data set the derived columns rest on (computed outside options, the model, the dyad-year file)',
    description: "The releases imported into the graph the package was built from, as the API's `dataSets` gives them.",
    columns: [
      req('name', 'string', "The importer's name (atop, cow-states, nmc, mid, cow-wars, cdb90, rivalries, threat)."),
      req('version', 'string', 'The release, from the files.'),
      req('year', 'integer', 'The year of the publication the citation names.'),
      req('citation', 'string', "How to cite it (the publisher's citation, with the version)."),
      req('files', 'string', 'The files read, `;`-separated.'),
      req('sha256', 'string', "sha256 of each file's content, in the order of `files`, `;`-separated."),
    ],
    primaryKey: ['name'],
    foreignKeys: [],
  },
  {
    name: 'dyad_years',
    title: 'Dyad-years 1816–2018',
    row: "one pair of states in the COW state system on a common day of the year, ccode1 < ccode2 (peacesciencer's `create_dyadyears()`)",
    description:
      "The non-directed dyad-year export (`npm run export -- dyad-year --from 1816 --to 2018`): peacesciencer's rows and names, ATOP's dyad-year rules (ATOP codebook §2.6) from ATOP's member-level coding; rules and checks in graph/README.md, \"Dyad-year export\". Also as dyad_years.parquet (same columns and types).",
    parquet: true,
    columns: [
      ccode('ccode1', 'The state with the lower COW code.', true),
      ccode('ccode2', 'The state with the higher COW code.', true),
      req('year', 'integer', 'Year.', { minimum: 1816, maximum: 2018 }),
      flag('atop_defense', 'ATOP DEFENSE: either state has a defensive obligation toward the other during the year.'),
      flag('atop_offense', 'ATOP OFFENSE: the same, offensive.'),
      flag('atop_neutral', 'ATOP NEUTRAL: the same, neutrality.'),
      flag('atop_nonagg', 'ATOP NONAGG: the same, non-aggression.'),
      flag('atop_consul', 'ATOP CONSUL: the same, consultation.'),
      col(
        'atop_shareob',
        'integer',
        'ATOP SHAREOB: 1 when the two share an ATOP alliance but owe each other none of the five obligations; empty otherwise (as ATOP).',
        { enum: [1] },
      ),
      flag('atop_transyr', 'ATOP TRANSYR: 1 when a commitment of the pair starts or ends in the year.'),
      req('atop_bilatno', 'integer', 'ATOP BILATNO: bilateral ATOP alliances in effect for the dyad in the year.', {
        minimum: 0,
      }),
      req('atop_multino', 'integer', 'ATOP MULTINO: multilateral ATOP alliances in effect.', { minimum: 0 }),
      req('atop_number', 'integer', 'ATOP NUMBER: all ATOP alliances in effect.', { minimum: 0 }),
      flag('atop_asymm', 'ATOP ASYMM: 1 when a shared alliance imposes asymmetric obligations.'),
      col('atop_ids', 'string', 'ATOP ATOPID1…: the ATOP ids in effect, ascending, `;`-separated.', {
        pattern: CCODE_LIST,
      }),
      col('treaties', 'string', 'Every treaty the two share in the year (ATOP and curated), `;`-separated ids.'),
      req(
        'shared_targets',
        'integer',
        "Targets both stood against (the API's `sharedTargets` on 1 July, 10-year window).",
        { minimum: 0 },
      ),
      col(
        'portfolio_s',
        'number',
        'Signorino–Ritter S of the two alliance portfolios on 1 July (−1 to 1), 6 decimals.',
        { minimum: -1, maximum: 1 },
      ),
    ],
    primaryKey: ['ccode1', 'ccode2', 'year'],
    foreignKeys: [],
  },
];

/** A table by name; throws on a name no declaration has (a programmer's mistake). */
export function tableDecl(name: string): TableDecl {
  const t = PACKAGE_TABLES.find((d) => d.name === name);
  if (!t) throw new Error(`Invariant violation: no package table "${name}"`);
  return t;
}

/** The column names of `t`, in the order of its file. */
export const columnNames = (t: TableDecl): string[] => t.columns.map((c) => c.name);
