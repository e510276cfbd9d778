/**
 * Computes agreement-likelihood estimates from the graph: gathers every negotiation's features
 * through the batched loaders (one pass for all cases), fits the model, caches the fits per store
 * and data version, and builds estimates, counterfactuals and explanations.
 *
 * The cache key is the executor's write counter plus the node and relationship counts, so the
 * model is refitted when the seed is reloaded or a data set imported (also by another process).
 */
import type { Loaders } from '../loaders/createLoaders.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { GraphStore } from '../store/GraphStore.js';
import { optionKey } from '../loaders/outsideOptionsLoader.js';
import { idealPlansOf } from '../loaders/idealPlans.js';
import { assessOutsideOptions, type OptionResult } from './outsideOptions.js';
import { compatibility, type Compatibility, type PartyPlan } from './compatibility.js';
import { addYears } from './dates.js';
import { DEFAULT_WINDOW_YEARS } from './sharedTargets.js';
import {
  FEATURES, LAMBDA, MODEL_NAME, MODEL_VERSION, evaluateLeaveOneOut, featureVector, fitModel,
  type Evaluation, type TrainingCase,
} from './agreementModel.js';
import { predict, type LogisticFit } from './logisticModel.js';
import * as q from '../store/queries.gen.js';

export interface CaseData extends TrainingCase {
  name: string;
  parties: number[];
  compatibility: Compatibility;
  options: Map<number, OptionResult>;
}

export interface ModelState {
  cases: Map<string, CaseData>;
  full: LogisticFit;
  fitWithout(key: string): LogisticFit;
  evaluation(): Evaluation;
}

const cache = new WeakMap<GraphStore, { fingerprint: string; state: Promise<ModelState> }>();

async function fingerprint(ex: QueryExecutor): Promise<string> {
  const [nodes, rels] = await Promise.all([ex.read(q.countNodesByLabel), ex.read(q.countRelationshipsByType)]);
  return JSON.stringify([ex.writeVersion, nodes, rels]);
}

async function gatherCases(ex: QueryExecutor, loaders: Loaders): Promise<Map<string, CaseData>> {
  const outcomes = await ex.read(q.negotiationOutcomes);
  const keys = outcomes.map((o) => o.id);
  const [negotiations, parties, plans] = await Promise.all([
    loaders.negotiation.loadMany(keys),
    loaders.partiesOfNegotiation.loadMany(keys),
    Promise.all(keys.map((k) => idealPlansOf(loaders, k))),
  ]);
  const partyLists = parties.map((p) => (p instanceof Error ? [] : p.map((s) => s.ccode)));
  const optionKeys = keys.flatMap((k, i) => partyLists[i]!.map((c) => optionKey(k, c)));
  const options = await loaders.outsideOptions.loadMany(optionKeys);
  const optionByKey = new Map(optionKeys.map((k, i) => [k, options[i]]));
  const cases = new Map<string, CaseData>();
  keys.forEach((key, i) => {
    const n = negotiations[i];
    if (!n || n instanceof Error) return;
    const comp = compatibility(partyLists[i]!, plans[i]!);
    const opts = new Map<number, OptionResult>();
    for (const c of partyLists[i]!) {
      const o = optionByKey.get(optionKey(key, c));
      if (o && !(o instanceof Error)) opts.set(c, o);
    }
    const best = Math.max(0, ...[...opts.values()].map((o) => o.overall));
    cases.set(key, {
      key, name: n.name, outcome: outcomes[i]!.outcome === 'AGREEMENT' ? 1 : 0, parties: partyLists[i]!,
      compatibility: comp, options: opts, x: featureVector(comp, best),
    });
  });
  return cases;
}

function buildState(cases: Map<string, CaseData>): ModelState {
  const all = [...cases.values()];
  const fits = new Map<string, LogisticFit>();
  let evaluation: Evaluation | undefined;
  const fitWithout = (key: string) => {
    let fit = fits.get(key);
    if (!fit) {
      fit = fitModel(all.filter((c) => c.key !== key));
      fits.set(key, fit);
    }
    return fit;
  };
  return {
    cases,
    full: fitModel(all),
    fitWithout,
    evaluation: () => (evaluation ??= evaluateLeaveOneOut(all, fitWithout)),
  };
}

/** Per request (the loaders are per request): the data version is checked once, not once per field. */
const perRequest = new WeakMap<Loaders, Promise<ModelState>>();

/** The model state for the store's current data (cached until the data change). */
export function modelState(ex: QueryExecutor, loaders: Loaders): Promise<ModelState> {
  let state = perRequest.get(loaders);
  if (!state) {
    state = currentModelState(ex, loaders);
    perRequest.set(loaders, state);
  }
  return state;
}

async function currentModelState(ex: QueryExecutor, loaders: Loaders): Promise<ModelState> {
  const fp = await fingerprint(ex);
  const hit = cache.get(ex.store);
  if (hit && hit.fingerprint === fp) return hit.state;
  const state = gatherCases(ex, loaders).then(buildState);
  cache.set(ex.store, { fingerprint: fp, state });
  state.catch(() => cache.delete(ex.store));
  return state;
}

export interface WhatIf {
  /** Parties whose outside options are removed (attractiveness 0). */
  removeOutsideOptions?: number[];
  /** Set a party's outside-option attractiveness. */
  outsideOptions?: { party: number; attractiveness: number }[];
  approaches?: { party: number; approach: string }[];
  /** Set a party's target: the state posing it. */
  targets?: { party: number; target: number }[];
}

export interface Estimate {
  probability: number;
  compatibility: Compatibility;
  outside: { party: number; attractiveness: number; options: OptionResult | null }[];
  x: number[];
  fit: LogisticFit;
  trainingCases: number;
  leftOut: string[];
  similar: { key: string; outcome: 0 | 1; distance: number }[];
  explanation: string;
}

const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0));

function similarCases(state: ModelState, x: number[], exclude: string | null) {
  return [...state.cases.values()]
    .filter((c) => c.key !== exclude)
    .map((c) => ({ key: c.key, outcome: c.outcome, distance: Math.round(distance(x, c.x) * 1000) / 1000 }))
    .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
    .slice(0, 5);
}

function estimate(
  state: ModelState, fit: LogisticFit, leftOut: string[], parties: number[], comp: Compatibility,
  outside: Estimate['outside'], names: Map<number, string>, subject: string,
): Estimate {
  const best = Math.max(0, ...outside.map((o) => o.attractiveness));
  const x = featureVector(comp, best);
  const probability = predict(fit, x);
  return {
    probability, compatibility: comp, outside, x, fit, trainingCases: state.cases.size - leftOut.filter((k) => state.cases.has(k)).length, leftOut,
    similar: similarCases(state, x, leftOut[0] ?? null),
    explanation: explain(subject, parties, comp, outside, probability, names),
  };
}

function explain(subject: string, parties: number[], c: Compatibility, outside: Estimate['outside'], p: number, names: Map<number, string>): string {
  const name = (x: number) => names.get(x) ?? String(x);
  const plan = (pp: PartyPlan) => `${name(pp.party)}: ${pp.targets.length ? pp.targets.map(name).join('/') : 'no plan on record'}${pp.approach ? `, ${pp.approach.toLowerCase()}` : ''}`;
  const parts: string[] = [];
  if (c.highlyCompatible) {
    parts.push(`The ideal war plans of ${parties.map(name).join(', ')} are highly compatible: all aim at ${c.plans[0]!.targets.map(name).join('/')} with a ${c.plans[0]!.approach?.toLowerCase()} approach, so agreement is likely whatever the outside options.`);
  } else {
    const missing = [!c.allTargetsAgree && `targets (${Math.round(c.targetAgreement * 100)}% agree)`, !c.allApproachesAgree && `approaches (${Math.round(c.approachAgreement * 100)}% agree)`].filter(Boolean).join(' and ');
    parts.push(`The ideal war plans are not highly compatible — they differ on ${missing} (${c.plans.map(plan).join('; ')}) — so the outcome turns on the parties' outside options.`);
    const top = [...outside].sort((a, b) => b.attractiveness - a.attractiveness)[0];
    if (top && top.attractiveness > 0) {
      const o = top.options;
      const ally = o?.alternativeAllies.allies[0];
      const kind = o && o.overall === o.alternativeAllies.attractiveness && ally ? `an alternative ally, ${name(ally.state)} (${ally.score.toFixed(2)})`
        : o && o.overall === (o.unilateral.attractiveness ?? -1) ? 'unilateral action'
          : 'buck-passing';
      parts.push(`The most attractive outside option is ${name(top.party)}'s (${top.attractiveness.toFixed(2)}): ${kind}. The more attractive it is, the less that party compromises.`);
    } else {
      parts.push('No party has an attractive outside option on record, which keeps agreement possible.');
    }
  }
  parts.push(`Estimated probability of a treaty for ${subject}: ${p.toFixed(2)}.`);
  return parts.join(' ');
}

function applyWhatIf(parties: number[], comp: Compatibility, outside: Estimate['outside'], w: WhatIf): { comp: Compatibility; outside: Estimate['outside'] } {
  const plans = comp.plans.map((p) => ({
    ...p,
    approach: w.approaches?.find((a) => a.party === p.party)?.approach ?? p.approach,
    targets: (() => { const t = w.targets?.find((x) => x.party === p.party); return t ? [t.target] : p.targets; })(),
  }));
  const removed = new Set(w.removeOutsideOptions ?? []);
  return {
    comp: compatibility(parties, plans),
    outside: outside.map((o) => {
      const set = w.outsideOptions?.find((x) => x.party === o.party);
      return { ...o, attractiveness: removed.has(o.party) ? 0 : set ? set.attractiveness : o.attractiveness };
    }),
  };
}

export interface EstimatePair { estimate: Estimate; counterfactual: Estimate | null; evaluation: () => Evaluation }

/** Estimate for a historical negotiation: the model is fitted without it. */
export async function estimateNegotiation(ex: QueryExecutor, loaders: Loaders, key: string, whatIf?: WhatIf | null): Promise<EstimatePair | null> {
  const state = await modelState(ex, loaders);
  const c = state.cases.get(key);
  if (!c) return null;
  const names = await stateNames(loaders, c.parties, c.compatibility);
  const fit = state.fitWithout(key);
  const outside = c.parties.map((party) => ({ party, attractiveness: c.options.get(party)?.overall ?? 0, options: c.options.get(party) ?? null }));
  const subject = c.name;
  const base = estimate(state, fit, [key], c.parties, c.compatibility, outside, names, subject);
  let counterfactual: Estimate | null = null;
  if (whatIf) {
    const changed = applyWhatIf(c.parties, c.compatibility, outside, whatIf);
    counterfactual = estimate(state, fit, [key], c.parties, changed.comp, changed.outside, await stateNames(loaders, c.parties, changed.comp), `${subject} (what if)`);
  }
  return { estimate: base, counterfactual, evaluation: state.evaluation };
}

export interface HypotheticalInput { date: string; parties: number[]; plans: { party: number; target: number; approach: string }[] }

/** Estimate for a negotiation that did not happen: the model fitted on every case. */
export async function estimateHypothetical(ex: QueryExecutor, loaders: Loaders, input: HypotheticalInput, whatIf?: WhatIf | null): Promise<EstimatePair> {
  const state = await modelState(ex, loaders);
  const plans: PartyPlan[] = input.plans.map((p) => ({ party: p.party, targets: [p.target], approach: p.approach }));
  const comp = compatibility(input.parties, plans);
  const results = await assessOutsideOptions(ex, input.parties.map((party) => ({
    party, at: input.date, talksFrom: addYears(input.date, -1), talksTo: input.date,
    atTable: input.parties.filter((c) => c !== party), targets: comp.plans.find((p) => p.party === party)!.targets,
    negotiation: null, windowYears: DEFAULT_WINDOW_YEARS,
  })));
  const outside = input.parties.map((party, i) => ({ party, attractiveness: results[i]!.overall, options: results[i]! }));
  const names = await stateNames(loaders, input.parties, comp);
  const subject = `a negotiation between ${input.parties.map((c) => names.get(c) ?? c).join(', ')} in ${input.date}`;
  const base = estimate(state, state.full, [], input.parties, comp, outside, names, subject);
  let counterfactual: Estimate | null = null;
  if (whatIf) {
    const changed = applyWhatIf(input.parties, comp, outside, whatIf);
    counterfactual = estimate(state, state.full, [], input.parties, changed.comp, changed.outside, names, `${subject} (what if)`);
  }
  return { estimate: base, counterfactual, evaluation: state.evaluation };
}

async function stateNames(loaders: Loaders, parties: number[], comp: Compatibility): Promise<Map<number, string>> {
  const codes = [...new Set([...parties, ...comp.plans.flatMap((p) => p.targets)])];
  const states = await loaders.state.loadMany(codes);
  return new Map(codes.map((c, i) => { const s = states[i]; return [c, s && !(s instanceof Error) ? s.name : String(c)]; }));
}

export const modelDescription = { name: MODEL_NAME, version: MODEL_VERSION, lambda: LAMBDA, features: FEATURES };
