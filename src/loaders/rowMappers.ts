/**
 * Store rows (already normalised) → GraphQL objects. Each object gets its global id and its
 * `__typename`, which `Node` uses to resolve its concrete type. Each mapper takes the row type its
 * Cypher header declares (`src/store/queries.gen.ts`), so a column renamed or retyped in a header
 * is a compile error here.
 */
import type * as q from '../store/queries.gen.js';
import { globalId } from '../schema/node.interface.js';
import type { State } from '../schema/state.type.js';
import type { Threat } from '../schema/threat.type.js';
import type { Negotiation } from '../schema/negotiation.type.js';
import type { NegotiationRound } from '../schema/negotiationRound.type.js';
import type { Proposal } from '../schema/proposal.type.js';
import type { WarPlan } from '../schema/warPlan.type.js';
import type {
  OptionsNotDiscussed,
  PlanUnknown,
  RecordedOutsideOption,
  ThirdParty,
  Region,
} from '../schema/coding.type.js';
import type { SecondCoding } from '../schema/secondCoding.type.js';
import type { Treaty, TreatyMembership, TreatyPhase } from '../schema/treaty.type.js';
import type { Era } from '../schema/era.type.js';
import type { Citation, Source } from '../schema/source.type.js';
import type { Perception } from '../schema/perception.type.js';
import type { Capability } from '../schema/capability.type.js';

/** A state (statesByCcodes; the `node` of partiesOfNegotiations, posersOfThreats, membersOfTreaties). */
export const toState = (r: q.StatesByCcodesRow): State => ({
  __typename: 'State',
  id: globalId('State', r.ccode),
  ccode: r.ccode,
  abbrev: r.abbrev,
  name: r.name,
});

/** A threat (threatsByIds; the `node` of threatsOfTreaties). */
export const toThreat = (r: q.ThreatsByIdsRow): Threat => ({
  __typename: 'Threat',
  id: globalId('Threat', r.id),
  key: r.id,
  name: r.name,
  description: r.description,
});

/**
 * A negotiation (negotiationsByIds; a page's, negotiationsPage, with `texts` false when the page was
 * read without its long texts: `summary` and `notes` are then left undefined, for their fields to load).
 */
export const toNegotiation = (
  r: Omit<q.NegotiationsByIdsRow, 'summary'> & { summary: string | null },
  texts = true,
): Negotiation => ({
  __typename: 'Negotiation',
  id: globalId('Negotiation', r.id),
  key: r.id,
  name: r.name,
  start: r.start,
  startPrecision: r.startPrecision,
  end: r.end,
  endPrecision: r.endPrecision,
  outcome: r.outcome,
  summary: texts ? (r.summary ?? undefined) : undefined,
  confidence: r.confidence,
  notes: texts ? r.notes : undefined,
  targetAtTable: r.targetAtTableReason,
  startOldStyle: r.startOldStyle,
  endOldStyle: r.endOldStyle,
  startNotRecorded: r.startNotRecorded,
  inSecondCodingSample: r.inSecondCodingSample,
});

/** A round (roundsByIds; the `node` of roundsOfNegotiations). */
export const toRound = (r: q.RoundsByIdsRow): NegotiationRound => ({
  __typename: 'NegotiationRound',
  id: globalId('NegotiationRound', r.id),
  key: r.id,
  sequence: r.sequence,
  start: r.start,
  startPrecision: r.startPrecision,
  end: r.end,
  endPrecision: r.endPrecision,
  place: r.place,
  negotiators: r.negotiators,
  summary: r.summary,
});

/** A proposal (proposalsByIds; the `node` of proposalsOfNegotiations). */
export const toProposal = (r: q.ProposalsByIdsRow): Proposal => ({
  __typename: 'Proposal',
  id: globalId('Proposal', r.id),
  key: r.id,
  sequence: r.sequence,
  date: r.date,
  datePrecision: r.datePrecision,
  obligations: r.obligations,
  summary: r.summary,
  response: r.response,
  responseNote: r.responseNote,
  by: r.by,
  to: r.to,
  roundKey: r.round,
  negotiationKey: r.negotiation,
  dateOldStyle: r.dateOldStyle,
});

type WarPlanRow = q.WarPlansOfNegotiationsRow['node'];

/** A war plan (the `node` of warPlansOfNegotiations) with its alternative codings, which share its kind and round. */
export const toWarPlan = (r: WarPlanRow): WarPlan => ({
  __typename: 'WarPlan',
  id: globalId('WarPlan', r.id),
  key: r.id,
  kind: r.kind,
  approach: r.approach,
  justification: r.justification,
  confidence: r.confidence,
  partyCcode: r.party,
  targetKey: r.target,
  coding: r.coding ?? 'PRIMARY',
  fromRound: r.fromRound,
  form: r.form,
  rationale: r.rationale,
  targetNotPerceived: r.targetNotPerceived,
  proposalKey: r.proposal,
  scope: scopeOf(r),
  alternatives: r.alternatives.map((a) => ({
    __typename: 'WarPlan',
    id: globalId('WarPlan', a.id),
    key: a.id,
    kind: r.kind,
    approach: a.approach,
    justification: null,
    confidence: a.confidence,
    partyCcode: a.party,
    targetKey: a.target,
    coding: 'ALTERNATIVE',
    fromRound: r.fromRound,
    form: a.form,
    rationale: a.rationale,
    targetNotPerceived: null,
    proposalKey: null,
    scope: scopeOf(a),
    alternatives: [],
  })),
});

const scopeOf = (r: Pick<WarPlanRow, 'scopeRegions' | 'scopeStates' | 'scopeNote'>): WarPlan['scope'] =>
  r.scopeRegions?.length || r.scopeStates?.length
    ? { regionKeys: r.scopeRegions ?? [], stateCcodes: r.scopeStates ?? [], note: r.scopeNote }
    : null;

/**
 * A war plan looked up by id (warPlansByIds, for `node(id:)`): that query reads the plan's own
 * fields only, so it has no round, form, scope, proposal or alternatives, and counts as primary.
 */
export const toWarPlanById = (r: q.WarPlansByIdsRow): WarPlan =>
  toWarPlan({
    ...r,
    coding: null,
    fromRound: null,
    rationale: null,
    form: null,
    scopeRegions: null,
    scopeStates: null,
    scopeNote: null,
    targetNotPerceived: null,
    proposal: null,
    alternatives: [],
  });

/** A recorded outside option (the `node` of recordedOptionsOfNegotiations) with its alternative codings. */
export const toRecordedOption = (r: q.RecordedOptionsOfNegotiationsRow['node']): RecordedOutsideOption => ({
  key: r.id,
  partyCcode: r.party,
  kind: r.kind,
  allyCcode: r.ally,
  attractiveness: r.attractiveness,
  evidence: r.evidence,
  confidence: r.confidence,
  coding: 'PRIMARY',
  rationale: null,
  realisedInKey: r.realisedIn,
  alternatives: r.alternatives.map((a) => ({
    key: a.id,
    partyCcode: r.party,
    kind: a.kind,
    allyCcode: a.ally,
    attractiveness: a.attractiveness,
    evidence: null,
    confidence: a.confidence,
    coding: 'ALTERNATIVE',
    rationale: a.rationale,
    realisedInKey: null,
    alternatives: [],
  })),
});

export const toThirdParty = (r: q.ThirdPartiesOfNegotiationsRow['node']): ThirdParty => ({
  key: r.id,
  ccode: r.ccode,
  role: r.role,
  note: r.note,
});

/** A party whose entry plan the sources do not settle (the `node` of plansUnknownOfNegotiations). */
export const toPlanUnknown = (r: q.PlansUnknownOfNegotiationsRow['node']): PlanUnknown & { party: number } => ({
  key: r.id,
  party: r.party,
  reason: r.reason,
});

/** A party for which no outside option is recorded (the `node` of optionsNotDiscussedOfNegotiations). */
export const toOptionsNotDiscussed = (
  r: q.OptionsNotDiscussedOfNegotiationsRow['node'],
): OptionsNotDiscussed & { party: number } => ({ key: r.id, party: r.party, note: r.note });

/** The second coder's entry plan for one party (the `node` of secondCodingsOfNegotiations). */
export const toSecondCoding = (r: q.SecondCodingsOfNegotiationsRow['node']): SecondCoding & { party: number } => ({
  key: r.id,
  party: r.party,
  targetKey: r.target,
  targetCcodes: r.targetStates,
  approach: r.approach,
  confidence: r.confidence,
  rationale: r.rationale,
  reason: r.reason,
});

export const toRegion = (r: q.RegionsByIdsRow): Region => ({ key: r.id, name: r.name, description: r.description });

/** A treaty (treatiesByIds; the `node` of treatiesOfNegotiations). */
export const toTreaty = (r: q.TreatiesByIdsRow): Treaty => ({
  __typename: 'Treaty',
  id: globalId('Treaty', r.id),
  key: r.id,
  name: r.name,
  atopId: r.atopId,
  signed: r.signed,
  ended: r.ended,
  obligations: r.obligations,
});

/** An era (erasByIds; the `node` of erasOfNegotiations, erasOfTreaties). */
export const toEra = (r: q.ErasByIdsRow): Era => ({
  __typename: 'Era',
  id: globalId('Era', r.id),
  key: r.id,
  name: r.name,
  start: r.start,
  end: r.end,
});

export const toSource = (r: q.SourcesByKeysRow): Source => ({
  __typename: 'Source',
  id: globalId('Source', r.key),
  key: r.key,
  kind: r.kind,
  authors: r.authors,
  title: r.title,
  year: r.year,
  publisher: r.publisher,
  container: r.container,
  volume: r.volume,
  pages: r.pages,
  url: r.url,
  citation: r.citation,
});

/** A source cited by a node, with where (the `node` of every sourcesOf... query). */
export const toCitation = (r: q.SourcesOfNegotiationsRow['node']): Citation => ({
  source: toSource(r),
  pages: r.citedPages,
  chapter: r.citedChapter,
  document: r.citedDocument,
  seenAt: r.citedSeenAt,
  note: r.note,
});

/** A perception (the `node` of threatsPerceivedByStates; perceptionsOfThreats' with its threat). */
export const toPerception = (r: q.ThreatsPerceivedByStatesRow['node']): Perception => ({
  ccode: r.ccode,
  threatKey: r.threat,
  from: r.from,
  to: r.to,
  note: r.note,
  sourceKeys: r.sources,
});

/** The membership fields of membersOfTreaties and treatiesOfStates: ATOP's member-level coding, null for a curated one. */
type MembershipRow = Omit<q.TreatiesOfStatesRow['node'], 'treaty'> & { ccode: number };

export const toMembership = (treatyKey: string, r: MembershipRow): TreatyMembership => ({
  treatyKey,
  ccode: r.ccode,
  curated: r.curated,
  entry: r.entry,
  entryPrecision: r.entryPrecision,
  exit: r.exit,
  exitPrecision: r.exitPrecision,
  phase: r.phase,
  obligations: r.obligations ?? [],
  conditional: r.conditional,
  defcon: r.defcon,
  offcon: r.offcon,
  neucon: r.neucon,
  concon: r.concon,
  conditionDetails: r.conditionDetails ?? [],
  asymm: r.asymm,
  obvary: r.obvary,
  bilateral: r.bilateral,
  inEffect: r.inEffect,
  cowSystem: r.cowSystem,
  termMode: r.termMode,
  termCause: r.termCause,
  varying: r.varying ?? [],
  owedToEntries: r.owedTo ?? [],
});

export const toTreatyPhase = (r: q.PhasesOfTreatiesRow['node']): TreatyPhase => ({
  phase: r.phase,
  start: r.start,
  startPrecision: r.startPrecision,
  end: r.end,
  endPrecision: r.endPrecision,
  obligations: r.obligations,
  conditional: r.conditional,
});

export const toCapability = (r: q.CapabilitiesOfStatesRow['node']): Capability => ({
  year: r.year,
  milex: r.milex,
  milper: r.milper,
  irst: r.irst,
  pec: r.pec,
  tpop: r.tpop,
  upop: r.upop,
  cinc: r.cinc,
});
