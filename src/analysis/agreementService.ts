/**
 * Computes agreement-likelihood estimates from the graph: gathers every negotiation's features
 * through the analysis context (batched: one pass for all cases), fits the model, caches the fits
 * per store and data version, and builds estimates, counterfactuals and explanations.
 *
 * The cache key is the graph's data version (a stamp every seed and import transaction bumps, so
 * that another process's import is seen too): one indexed read per request, not a count of the graph.
 */
import type { GraphStore } from '../store/GraphStore.js';
import type { AnalysisContext } from './AnalysisContext.js';
import { dateRequest, negotiationRequest, type OptionResult } from './outsideOptions/index.js';
import { compatibility, type Compatibility, type PartyPlan } from './compatibility.js';
import { ATTRACTIVENESS_VALUE, OUTCOME_INFO, isOutcome, type Attractiveness, type Coding } from '../domain/index.js';
import type { RecordedOption } from './negotiationData.js';
import {
  FEATURES,
  LAMBDA,
  MODEL_NAME,
  MODEL_VERSION,
  featureVector,
  fitModel,
  type CaseInputs,
  type Evaluation,
  type TrainingCase,
} from './agreementModel.js';
import { predict, type LogisticFit } from './logisticModel.js';
import { fitInWorker } from './modelWorker.js';
import * as q from '../store/queries.gen.js';

export interface PartyOutside {
  party: number;
  attractiveness: number;
  options: OptionResult | null;
  recorded: boolean;
}

export interface CaseData extends TrainingCase {
  name: string;
  parties: number[];
  compatibility: Compatibility;
  /** Each party's outside option as the model reads it: recorded where the record has the party's own view, computed otherwise. */
  outside: PartyOutside[];
  inputs: CaseInputs;
}

/** Each party's outside option: the best recorded one where the party has one, the computed one otherwise. */
export function partyOutside(
  parties: readonly number[],
  computed: ReadonlyMap<number, OptionResult>,
  recorded: readonly RecordedOption[],
): PartyOutside[] {
  return parties.map((party) => {
    const own = recorded
      .filter((r) => r.party === party)
      .map((r) => ATTRACTIVENESS_VALUE[r.attractiveness as Attractiveness]);
    const options = computed.get(party) ?? null;
    return own.length
      ? { party, attractiveness: Math.max(...own), options, recorded: true }
      : { party, attractiveness: options?.overall ?? 0, options, recorded: false };
  });
}

function caseInputs(comp: Compatibility, outside: readonly PartyOutside[]): CaseInputs {
  return {
    compatibility: comp,
    bestComputed: Math.max(0, ...outside.map((o) => o.options?.overall ?? 0)),
    bestRecorded: Math.max(0, ...outside.map((o) => o.attractiveness)),
  };
}

export interface ModelState {
  cases: Map<string, CaseData>;
  full: LogisticFit;
  fitWithout(key: string): LogisticFit;
  evaluation(): Evaluation;
}

const cache = new WeakMap<GraphStore, { version: string; state: Promise<ModelState> }>();

/** Parties whose outside options are read and scored together when the cases are gathered (see gatherCases). */
const GATHER_BATCH = 40;

async function gatherCases(a: AnalysisContext): Promise<Map<string, CaseData>> {
  const outcomes = await a.executor.read(q.negotiationOutcomes);
  const keys = outcomes.map((o) => o.id);
  const [negotiations, partyLists, plans, recorded] = await Promise.all([
    Promise.all(keys.map((k) => a.negotiations.negotiation(k))),
    Promise.all(keys.map((k) => a.negotiations.parties(k))),
    Promise.all(keys.map((k) => a.negotiations.idealPlans(k))),
    Promise.all(keys.map((k) => a.negotiations.recordedOptions(k))),
  ]);
  const pairs = keys.flatMap((k, i) => partyLists[i]!.map((party) => ({ key: k, party })));
  const requests = await Promise.all(pairs.map((p) => negotiationRequest(a.negotiations, p.key, p.party)));
  // In batches, one after the other: one batch of every party of every negotiation meant reads of
  // tens of thousands of rows and seconds of scoring in single ticks, while other requests waited.
  const options: (OptionResult | Error)[] = [];
  for (let i = 0; i < requests.length; i += GATHER_BATCH)
    options.push(...(await a.outsideOptions.loadMany(requests.slice(i, i + GATHER_BATCH))));
  const optionOf = new Map(pairs.map((p, i) => [`${p.key}|${p.party}`, options[i]]));
  const cases = new Map<string, CaseData>();
  keys.forEach((key, i) => {
    const n = negotiations[i];
    if (!n) return;
    const comp = compatibility(partyLists[i]!, plans[i]!);
    const opts = new Map<number, OptionResult>();
    for (const c of partyLists[i]!) {
      const o = optionOf.get(`${key}|${c}`);
      if (o && !(o instanceof Error)) opts.set(c, o);
    }
    const outside = partyOutside(partyLists[i]!, opts, recorded[i]!);
    const inputs = caseInputs(comp, outside);
    const outcome = outcomes[i]!.outcome;
    cases.set(key, {
      key,
      name: n.name,
      outcome: isOutcome(outcome) && OUTCOME_INFO[outcome].agreed ? 1 : 0,
      parties: partyLists[i]!,
      compatibility: comp,
      outside,
      inputs,
      x: featureVector(inputs),
    });
  });
  return cases;
}

/**
 * The fits (full and leave-one-out, with the evaluation) are computed in a worker thread
 * (./modelWorker.ts): seconds of synchronous arithmetic on the full record that would otherwise
 * hold up every other request, /healthz included. The numbers are the same as on this thread.
 */
async function buildState(cases: Map<string, CaseData>, signal?: AbortSignal): Promise<ModelState> {
  const all = [...cases.values()];
  const fits = await fitInWorker(all, signal);
  const fitWithout = (key: string) => {
    let fit = fits.without.get(key);
    if (!fit) {
      // not a case of the fit (cannot happen for `cases`' own keys)
      fit = fitModel(all.filter((c) => c.key !== key));
      fits.without.set(key, fit);
    }
    return fit;
  };
  return { cases, full: fits.full, fitWithout, evaluation: () => fits.evaluation };
}

/** Per request: the data version is checked once, not once per field. */
const perRequest = new WeakMap<AnalysisContext, Promise<ModelState>>();

/** The model state for the store's current data (cached until the data change). */
export function modelState(a: AnalysisContext): Promise<ModelState> {
  let state = perRequest.get(a);
  if (!state) {
    state = currentModelState(a);
    perRequest.set(a, state);
  }
  return state;
}

async function currentModelState(a: AnalysisContext, signal?: AbortSignal): Promise<ModelState> {
  const version = await a.executor.dataVersion();
  const store = a.executor.store;
  const hit = cache.get(store);
  if (hit && hit.version === version) return hit.state;
  const state = gatherCases(a).then((cases) => buildState(cases, signal));
  cache.set(store, { version, state });
  state.catch(() => cache.delete(store));
  return state;
}

/**
 * Fits the model for the store's current data before a request needs it (the server calls it once
 * it listens): the cases are gathered here, the fits run in a worker. Never rejects: a failure goes to
 * `onError`, and the next request that needs the model tries again. `signal` (the server stopping)
 * stops the fit, worker included; `a`'s executor should carry the same signal (no further store call).
 */
export async function prefitModel(
  a: AnalysisContext,
  onError?: (e: unknown) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await currentModelState(a, signal);
  } catch (e) {
    onError?.(e);
  }
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
  outside: PartyOutside[];
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
  state: ModelState,
  fit: LogisticFit,
  leftOut: string[],
  parties: number[],
  comp: Compatibility,
  outside: Estimate['outside'],
  names: Map<number, string>,
  subject: string,
): Estimate {
  const x = featureVector(caseInputs(comp, outside));
  const probability = predict(fit, x);
  return {
    probability,
    compatibility: comp,
    outside,
    x,
    fit,
    trainingCases: state.cases.size - leftOut.filter((k) => state.cases.has(k)).length,
    leftOut,
    similar: similarCases(state, x, leftOut[0] ?? null),
    explanation: explain(subject, parties, comp, outside, probability, names),
  };
}

function explain(
  subject: string,
  parties: number[],
  c: Compatibility,
  outside: Estimate['outside'],
  p: number,
  names: Map<number, string>,
): string {
  const name = (x: number) => names.get(x) ?? String(x);
  const plan = (pp: PartyPlan) =>
    `${name(pp.party)}: ${pp.targets.length ? pp.targets.map(name).join('/') : 'no plan on record'}${pp.approach ? `, ${pp.approach.toLowerCase()}` : ''}`;
  const parts: string[] = [];
  if (c.highlyCompatible) {
    parts.push(
      `The ideal war plans of ${parties.map(name).join(', ')} are highly compatible: all aim at ${c.plans[0]!.targets.map(name).join('/')} with a ${c.plans[0]!.approach?.toLowerCase()} approach, so agreement is likely whatever the outside options.`,
    );
  } else {
    const missing = [
      !c.allTargetsAgree && `targets (${Math.round(c.targetAgreement * 100)}% agree)`,
      !c.allApproachesAgree && `approaches (${Math.round(c.approachAgreement * 100)}% agree)`,
    ]
      .filter(Boolean)
      .join(' and ');
    parts.push(
      `The ideal war plans are not highly compatible — they differ on ${missing} (${c.plans.map(plan).join('; ')}) — so the outcome turns on the parties' outside options.`,
    );
    const top = [...outside].sort((a, b) => b.attractiveness - a.attractiveness)[0];
    if (top && top.attractiveness > 0) {
      const o = top.options;
      const ally = o?.alternativeAllies.allies[0];
      const kind = top.recorded
        ? 'an option its own decision-makers weighed, as the record gives it'
        : o && o.overall === o.alternativeAllies.attractiveness && ally
          ? `an alternative ally, ${name(ally.state)} (${ally.score.toFixed(2)})`
          : o && o.overall === (o.unilateral.attractiveness ?? -1)
            ? 'unilateral action'
            : 'buck-passing';
      parts.push(
        `The most attractive outside option is ${name(top.party)}'s (${top.attractiveness.toFixed(2)}): ${kind}. The more attractive it is, the less that party compromises.`,
      );
    } else {
      parts.push('No party has an attractive outside option on record, which keeps agreement possible.');
    }
  }
  parts.push(`Estimated probability of a treaty for ${subject}: ${p.toFixed(2)}.`);
  return parts.join(' ');
}

function applyWhatIf(
  parties: number[],
  comp: Compatibility,
  outside: Estimate['outside'],
  w: WhatIf,
): { comp: Compatibility; outside: Estimate['outside'] } {
  const plans = comp.plans.map((p) => ({
    ...p,
    approach: w.approaches?.find((a) => a.party === p.party)?.approach ?? p.approach,
    targets: (() => {
      const t = w.targets?.find((x) => x.party === p.party);
      return t ? [t.target] : p.targets;
    })(),
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

export interface EstimatePair {
  estimate: Estimate;
  counterfactual: Estimate | null;
  evaluation: () => Evaluation;
}

/**
 * Estimate for a historical negotiation: the model is fitted without it. With `coding: ALTERNATIVE`
 * the case is read with the alternative codings of its plans and recorded options (the model is
 * the same: fitted on the primary coding of the other cases).
 */
export async function estimateNegotiation(
  a: AnalysisContext,
  key: string,
  whatIf?: WhatIf | null,
  coding: Coding = 'PRIMARY',
): Promise<EstimatePair | null> {
  const state = await modelState(a);
  const c = state.cases.get(key);
  if (!c) return null;
  let comp = c.compatibility;
  let outside = c.outside;
  if (coding === 'ALTERNATIVE') {
    const [plans, recorded] = await Promise.all([
      a.negotiations.idealPlans(key, coding),
      a.negotiations.recordedOptions(key, coding),
    ]);
    comp = compatibility(c.parties, plans);
    outside = partyOutside(
      c.parties,
      new Map(c.outside.flatMap((o) => (o.options ? [[o.party, o.options] as const] : []))),
      recorded,
    );
  }
  const names = await stateNames(a, c.parties, comp);
  const fit = state.fitWithout(key);
  const subject = coding === 'ALTERNATIVE' ? `${c.name} (alternative coding)` : c.name;
  const base = estimate(state, fit, [key], c.parties, comp, outside, names, subject);
  let counterfactual: Estimate | null = null;
  if (whatIf) {
    const changed = applyWhatIf(c.parties, comp, outside, whatIf);
    counterfactual = estimate(
      state,
      fit,
      [key],
      c.parties,
      changed.comp,
      changed.outside,
      await stateNames(a, c.parties, changed.comp),
      `${subject} (what if)`,
    );
  }
  return { estimate: base, counterfactual, evaluation: state.evaluation };
}

export interface HypotheticalInput {
  date: string;
  parties: number[];
  plans: { party: number; target: number; approach: string }[];
}

/** Estimate for a negotiation that did not happen: the model fitted on every case. */
export async function estimateHypothetical(
  a: AnalysisContext,
  input: HypotheticalInput,
  whatIf?: WhatIf | null,
): Promise<EstimatePair> {
  const state = await modelState(a);
  const plans: PartyPlan[] = input.plans.map((p) => ({ party: p.party, targets: [p.target], approach: p.approach }));
  const comp = compatibility(input.parties, plans);
  const results = await a.outsideOptions.loadMany(
    input.parties.map((party) =>
      dateRequest(party, input.date, {
        atTable: input.parties,
        targets: comp.plans.find((p) => p.party === party)!.targets,
      }),
    ),
  );
  const failed = results.find((r): r is Error => r instanceof Error);
  if (failed) throw failed;
  const outside = input.parties.map((party, i) => {
    const r = results[i] as OptionResult;
    return { party, attractiveness: r.overall, options: r, recorded: false };
  });
  const names = await stateNames(a, input.parties, comp);
  const subject = `a negotiation between ${input.parties.map((c) => names.get(c) ?? c).join(', ')} in ${input.date}`;
  const base = estimate(state, state.full, [], input.parties, comp, outside, names, subject);
  let counterfactual: Estimate | null = null;
  if (whatIf) {
    const changed = applyWhatIf(input.parties, comp, outside, whatIf);
    counterfactual = estimate(
      state,
      state.full,
      [],
      input.parties,
      changed.comp,
      changed.outside,
      names,
      `${subject} (what if)`,
    );
  }
  return { estimate: base, counterfactual, evaluation: state.evaluation };
}

function stateNames(a: AnalysisContext, parties: number[], comp: Compatibility): Promise<Map<number, string>> {
  return a.negotiations.stateNames([...parties, ...comp.plans.flatMap((p) => p.targets)]);
}

export const modelDescription = { name: MODEL_NAME, version: MODEL_VERSION, lambda: LAMBDA, features: FEATURES };
