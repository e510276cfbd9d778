/**
 * Store rows (already normalised) → GraphQL objects. Each object gets its global id and its
 * `__typename`, which `Node` uses to resolve its concrete type.
 */
import type { Row } from '../store/GraphStore.js';
import { globalId } from '../schema/node.interface.js';
import type { State } from '../schema/state.type.js';
import type { Threat } from '../schema/threat.type.js';
import type { Negotiation } from '../schema/negotiation.type.js';
import type { NegotiationRound } from '../schema/negotiationRound.type.js';
import type { Proposal } from '../schema/proposal.type.js';
import type { WarPlan } from '../schema/warPlan.type.js';
import type { RecordedOutsideOption, ThirdParty, Region } from '../schema/coding.type.js';
import type { Treaty, TreatyMembership, TreatyPhase } from '../schema/treaty.type.js';
import type { Era } from '../schema/era.type.js';
import type { Citation, Source } from '../schema/source.type.js';
import type { Perception } from '../schema/perception.type.js';
import type { Capability } from '../schema/capability.type.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type R = Row & Record<string, any>;
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

export const toState = (r: R): State => ({
  __typename: 'State',
  id: globalId('State', r.ccode),
  ccode: r.ccode,
  abbrev: r.abbrev,
  name: r.name,
});

export const toThreat = (r: R): Threat => ({
  __typename: 'Threat',
  id: globalId('Threat', r.id),
  key: r.id,
  name: r.name,
  description: r.description ?? null,
});

export const toNegotiation = (r: R): Negotiation => ({
  __typename: 'Negotiation',
  id: globalId('Negotiation', r.id),
  key: r.id,
  name: r.name,
  start: r.start,
  startPrecision: r.startPrecision ?? 'DAY',
  end: r.end,
  endPrecision: r.endPrecision ?? 'DAY',
  outcome: r.outcome,
  summary: r.summary,
  confidence: r.confidence ?? 'HIGH',
  notes: r.notes ?? null,
  targetAtTable: r.targetAtTableReason ?? null,
  startOldStyle: r.startOldStyle ?? null,
  endOldStyle: r.endOldStyle ?? null,
});

export const toRound = (r: R): NegotiationRound => ({
  __typename: 'NegotiationRound',
  id: globalId('NegotiationRound', r.id),
  key: r.id,
  sequence: r.sequence,
  start: r.start,
  startPrecision: r.startPrecision ?? 'DAY',
  end: r.end ?? null,
  endPrecision: r.endPrecision ?? null,
  place: r.place,
  negotiators: list<string>(r.negotiators),
  summary: r.summary ?? null,
});

export const toProposal = (r: R): Proposal => ({
  __typename: 'Proposal',
  id: globalId('Proposal', r.id),
  key: r.id,
  sequence: r.sequence,
  date: r.date,
  datePrecision: r.datePrecision ?? 'DAY',
  obligations: list(r.obligations),
  summary: r.summary,
  response: r.response,
  responseNote: r.responseNote ?? null,
  by: list<number>(r.by),
  to: list<number>(r.to),
  roundKey: r.round ?? null,
  negotiationKey: r.negotiation,
  dateOldStyle: r.dateOldStyle ?? null,
});

export const toWarPlan = (r: R): WarPlan => ({
  __typename: 'WarPlan',
  id: globalId('WarPlan', r.id),
  key: r.id,
  kind: r.kind ?? 'IDEAL',
  approach: r.approach,
  justification: r.justification ?? null,
  confidence: r.confidence ?? 'MEDIUM',
  partyCcode: r.party,
  targetKey: r.target,
  coding: r.coding ?? 'PRIMARY',
  fromRound: r.fromRound ?? null,
  form: r.form ?? null,
  rationale: r.rationale ?? null,
  targetNotPerceived: r.targetNotPerceived ?? null,
  proposalKey: r.proposal ?? null,
  scope:
    list(r.scopeRegions).length || list(r.scopeStates).length
      ? {
          regionKeys: list<string>(r.scopeRegions),
          stateCcodes: list<number>(r.scopeStates),
          note: r.scopeNote ?? null,
        }
      : null,
  alternatives: list<R>(r.alternatives).map((a) =>
    toWarPlan({ ...a, kind: r.kind, coding: 'ALTERNATIVE', fromRound: r.fromRound }),
  ),
});

export const toRecordedOption = (r: R): RecordedOutsideOption => ({
  key: r.id,
  partyCcode: r.party,
  kind: r.kind,
  allyCcode: r.ally ?? null,
  attractiveness: r.attractiveness,
  evidence: r.evidence ?? null,
  confidence: r.confidence ?? 'MEDIUM',
  coding: r.coding ?? 'PRIMARY',
  rationale: r.rationale ?? null,
  realisedInKey: r.realisedIn ?? null,
  alternatives: list<R>(r.alternatives).map((a) => toRecordedOption({ ...a, party: r.party, coding: 'ALTERNATIVE' })),
});

export const toThirdParty = (r: R): ThirdParty => ({ key: r.id, ccode: r.ccode, role: r.role, note: r.note });

export const toRegion = (r: R): Region => ({ key: r.id, name: r.name, description: r.description ?? null });

export const toTreaty = (r: R): Treaty => ({
  __typename: 'Treaty',
  id: globalId('Treaty', r.id),
  key: r.id,
  name: r.name ?? null,
  atopId: r.atopId ?? null,
  signed: r.signed ?? null,
  ended: r.ended ?? null,
  obligations: list(r.obligations),
});

export const toEra = (r: R): Era => ({
  __typename: 'Era',
  id: globalId('Era', r.id),
  key: r.id,
  name: r.name,
  start: r.start,
  end: r.end,
});

export const toSource = (r: R): Source => ({
  __typename: 'Source',
  id: globalId('Source', r.key),
  key: r.key,
  kind: r.kind,
  authors: list(r.authors),
  title: r.title,
  year: r.year,
  publisher: r.publisher ?? null,
  container: r.container ?? null,
  volume: r.volume ?? null,
  pages: r.pages ?? null,
  url: r.url ?? null,
  citation: r.citation ?? r.title,
});

export const toCitation = (r: R): Citation => ({
  source: toSource(r),
  pages: r.citedPages ?? null,
  chapter: r.citedChapter ?? null,
  note: r.note ?? null,
});

export const toPerception = (r: R): Perception => ({
  ccode: r.ccode,
  threatKey: r.threat,
  from: r.from,
  to: r.to ?? null,
  note: r.note ?? null,
  sourceKeys: list(r.sources),
});

/** A membership row (membersOfTreaties, treatiesOfStates): ATOP's member-level coding, null/empty for a curated one. */
export const toMembership = (treatyKey: string, r: R): TreatyMembership => ({
  treatyKey,
  ccode: r.ccode,
  curated: r.curated === true,
  entry: r.entry ?? null,
  entryPrecision: r.entryPrecision ?? null,
  exit: r.exit ?? null,
  exitPrecision: r.exitPrecision ?? null,
  phase: r.phase ?? null,
  obligations: list(r.obligations),
  conditional: r.conditional ?? null,
  defcon: r.defcon ?? null,
  offcon: r.offcon ?? null,
  neucon: r.neucon ?? null,
  concon: r.concon ?? null,
  conditionDetails: list(r.conditionDetails),
  asymm: r.asymm ?? null,
  obvary: r.obvary ?? null,
  bilateral: r.bilateral ?? null,
  inEffect: r.inEffect ?? null,
  cowSystem: r.cowSystem ?? null,
  termMode: r.termMode ?? null,
  termCause: r.termCause ?? null,
  varying: list(r.varying),
  owedToEntries: list(r.owedTo),
});

export const toTreatyPhase = (r: R): TreatyPhase => ({
  phase: r.phase,
  start: r.start,
  startPrecision: r.startPrecision,
  end: r.end ?? null,
  endPrecision: r.endPrecision ?? null,
  obligations: list(r.obligations),
  conditional: r.conditional === true,
});

export const toCapability = (r: R): Capability => ({
  year: r.year,
  milex: r.milex ?? null,
  milper: r.milper ?? null,
  irst: r.irst ?? null,
  pec: r.pec ?? null,
  tpop: r.tpop ?? null,
  upop: r.upop ?? null,
  cinc: r.cinc ?? null,
});
