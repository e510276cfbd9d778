/**
 * Estimates: a historical negotiation (the model refitted without it), or one that did not happen
 * (the model fitted on every case); each with the feature contributions, a bootstrap interval, the
 * most similar cases and an explanation, and optionally a counterfactual ("what if").
 */
import { BadInputError, echoList, unknownCcodes } from '../../errors/index.js';
import type { Coding } from '../../domain/index.js';
import { dateRequest, type OptionResult } from '../outsideOptions/index.js';
import { compatibility, type Compatibility, type PartyPlan } from '../compatibility.js';
import { FEATURES, featureVector, type Evaluation } from '../agreementModel.js';
import { predict, type LogisticFit } from '../logisticModel.js';
import { caseInputs, partyOutside, type AgreementData, type PartyOutside } from './cases.js';
import { explain } from './explain.js';
import { modelState, type ModelState } from './modelState.js';

export interface WhatIf {
  /** Parties whose outside options are removed (attractiveness 0). */
  removeOutsideOptions?: number[];
  /** Set a party's outside-option attractiveness. */
  outsideOptions?: { party: number; attractiveness: number }[];
  approaches?: { party: number; approach: string }[];
  /** Set a party's target: the state posing it. */
  targets?: { party: number; target: number }[];
}

/** One feature's part in a probability: its value, its coefficient, and the probability without it. */
export interface Contribution {
  factor: string;
  description: string;
  value: number;
  coefficient: number;
  logit: number;
  probabilityWithout: number;
}

export interface Estimate {
  probability: number;
  /** The central 90 % of the probability over the bootstrap replicates (a historical case: those it is out of); null with too few. */
  interval: ProbabilityRange | null;
  compatibility: Compatibility;
  outside: PartyOutside[];
  x: number[];
  fit: LogisticFit;
  contributions: Contribution[];
  trainingCases: number;
  leftOut: string[];
  similar: { key: string; outcome: 0 | 1; distance: number }[];
  explanation: string;
}

export interface EstimatePair {
  estimate: Estimate;
  counterfactual: Estimate | null;
  evaluation: () => Evaluation;
}

export interface HypotheticalInput {
  date: string;
  parties: number[];
  plans: { party: number; target: number; approach: string }[];
}

const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0));

function similarCases(state: ModelState, x: number[], exclude: string | null) {
  return [...state.cases.values()]
    .filter((c) => c.key !== exclude)
    .map((c) => ({ key: c.key, outcome: c.outcome, distance: Math.round(distance(x, c.x) * 1000) / 1000 }))
    .sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key))
    .slice(0, 5);
}

export interface ProbabilityRange {
  low: number;
  high: number;
  level: number;
  replicates: number;
}

const LEVEL = 0.9;

/** The 5th and 95th percentiles of the probability over the replicates that did not draw `leftOut`. */
function bootstrapInterval(state: ModelState, x: number[], leftOut: string | null): ProbabilityRange | null {
  const ps = state.replicates
    .filter((r) => leftOut === null || !r.drawn.includes(leftOut))
    .map((r) => predict(r.fit, x))
    .sort((a, b) => a - b);
  if (ps.length < 20) return null;
  const at = (q: number) => ps[Math.min(ps.length - 1, Math.max(0, Math.round(q * (ps.length - 1))))]!;
  return { low: at((1 - LEVEL) / 2), high: at((1 + LEVEL) / 2), level: LEVEL, replicates: ps.length };
}

function contributions(fit: LogisticFit, x: number[]): Contribution[] {
  return FEATURES.map((f, j) => {
    const x0 = [...x];
    x0[j] = 0;
    return {
      factor: f.name,
      description: f.description,
      value: x[j]!,
      coefficient: fit.coefficients[j]!,
      logit: fit.coefficients[j]! * x[j]!,
      probabilityWithout: predict(fit, x0),
    };
  });
}

function estimate(
  state: ModelState,
  fit: LogisticFit,
  leftOut: string[],
  parties: number[],
  comp: Compatibility,
  outside: PartyOutside[],
  names: Map<number, string>,
  subject: string,
): Estimate {
  const x = featureVector(caseInputs(comp, outside));
  const probability = predict(fit, x);
  const interval = bootstrapInterval(state, x, leftOut[0] ?? null);
  return {
    probability,
    interval,
    compatibility: comp,
    outside,
    x,
    fit,
    contributions: contributions(fit, x),
    trainingCases: state.cases.size - leftOut.filter((k) => state.cases.has(k)).length,
    leftOut,
    similar: similarCases(state, x, leftOut[0] ?? null),
    explanation: explain(subject, parties, comp, outside, probability, interval, names),
  };
}

function applyWhatIf(
  parties: number[],
  comp: Compatibility,
  outside: PartyOutside[],
  w: WhatIf,
): { comp: Compatibility; outside: PartyOutside[] } {
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

/** A what-if names parties of the negotiation, attractiveness in [0, 1], known states, no party as its own target. */
async function checkWhatIf(a: AgreementData, parties: number[], w: WhatIf | null): Promise<WhatIf | null> {
  if (!w) return null;
  const mentioned = [
    ...(w.removeOutsideOptions ?? []),
    ...(w.outsideOptions ?? []).map((o) => o.party),
    ...(w.approaches ?? []).map((x) => x.party),
    ...(w.targets ?? []).map((t) => t.party),
  ];
  for (const p of mentioned)
    if (!parties.includes(p))
      throw new BadInputError(`whatIf names ${p}, which is not a party (parties: ${echoList(parties)})`, 'whatIf');
  for (const o of w.outsideOptions ?? [])
    if (!(o.attractiveness >= 0 && o.attractiveness <= 1))
      throw new BadInputError('whatIf outside-option attractiveness must be in [0, 1]', 'whatIf');
  for (const t of w.targets ?? [])
    if (t.target === t.party) throw new BadInputError('a state is not its own target', 'whatIf');
  await assertKnown(
    a,
    (w.targets ?? []).map((t) => t.target),
    'whatIf.targets.target',
  );
  return w;
}

/** BAD_USER_INPUT for a ccode the graph does not hold (as every argument naming states). */
async function assertKnown(a: AgreementData, ccodes: number[], argument: string): Promise<void> {
  const names = await a.negotiations.knownStates(ccodes);
  const missing = [...new Set(ccodes.filter((c) => !names.has(c)))];
  if (missing.length) throw unknownCcodes(missing, argument);
}

function stateNames(a: AgreementData, parties: number[], comp: Compatibility): Promise<Map<number, string>> {
  return a.negotiations.stateNames([...parties, ...comp.plans.flatMap((p) => p.targets)]);
}

/**
 * Estimate for a historical negotiation: the model is fitted without it. Under another coding
 * (ALTERNATIVE: the alternative readings of its plans and recorded options; SECOND_CODER: the blind
 * second coding of its plans) the case is read that way; the model is the same, fitted on the
 * primary coding of the other cases. Null when the negotiation is not a case of the model (no
 * outcome, or a party's plan the sources do not settle): see `notModelled`.
 */
export async function estimateNegotiation(
  a: AgreementData,
  key: string,
  whatIf: WhatIf | null,
  coding: Coding = 'PRIMARY',
): Promise<EstimatePair | null> {
  const state = await modelState(a);
  const c = state.cases.get(key);
  if (!c) return null;
  const w = await checkWhatIf(a, c.parties, whatIf);
  let comp = c.compatibility;
  let outside = c.outside;
  if (coding !== 'PRIMARY') {
    const [plans, recorded] = await Promise.all([
      a.negotiations.idealPlans(key, coding),
      a.negotiations.recordedOptions(key, coding === 'ALTERNATIVE' ? coding : 'PRIMARY'),
    ]);
    const uncoded = c.parties.filter((party) => !plans.some((p) => p.party === party));
    if (uncoded.length) {
      const names = await a.negotiations.stateNames(uncoded);
      throw new BadInputError(
        plans.length
          ? `${c.name}: the second coder could not code the entry plan of ${uncoded.map((u) => names.get(u)).join(', ')}; no SECOND_CODER reading`
          : `${c.name} is not in the second-coding sample (seed/second-coding/sample.yaml): no SECOND_CODER reading`,
        'coding',
      );
    }
    comp = compatibility(c.parties, plans);
    outside = partyOutside(
      c.parties,
      new Map(c.outside.flatMap((o) => (o.options ? [[o.party, o.options] as const] : []))),
      recorded,
    );
  }
  const names = await stateNames(a, c.parties, comp);
  const fit = state.fitWithout(key);
  const subject = coding === 'PRIMARY' ? c.name : `${c.name} (${coding.toLowerCase().replace('_', ' ')} coding)`;
  const base = estimate(state, fit, [key], c.parties, comp, outside, names, subject);
  let counterfactual: Estimate | null = null;
  if (w) {
    const changed = applyWhatIf(c.parties, comp, outside, w);
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

/** Why a negotiation has no estimate (not a case of the model), or null when it has one. */
export async function notModelledReason(a: AgreementData, key: string): Promise<string | null> {
  const state = await modelState(a);
  return state.cases.has(key) ? null : (state.notModelled.get(key) ?? 'it has no outcome on record');
}

/**
 * Estimate for a negotiation that did not happen: the model fitted on every case. A plan may aim at a
 * state at the table (a pact with the threat itself); only a party aiming at itself is malformed.
 */
export async function estimateHypothetical(
  a: AgreementData,
  input: HypotheticalInput,
  whatIf: WhatIf | null,
): Promise<EstimatePair> {
  const parties = [...new Set(input.parties)];
  if (parties.length < 2) throw new BadInputError('a negotiation needs at least two parties', 'input.parties');
  if (parties.length !== input.parties.length) throw new BadInputError('a party is listed twice', 'input.parties');
  for (const plan of input.plans) {
    if (!parties.includes(plan.party))
      throw new BadInputError(`plan for ${plan.party}, which is not a party`, 'input.plans');
    if (plan.target === plan.party) throw new BadInputError('a state is not its own target', 'input.plans.target');
  }
  if (new Set(input.plans.map((p) => p.party)).size !== input.plans.length)
    throw new BadInputError('one plan per party', 'input.plans');
  await assertKnown(a, parties, 'input.parties');
  await assertKnown(
    a,
    input.plans.map((p) => p.target),
    'input.plans.target',
  );
  const state = await modelState(a);
  const w = await checkWhatIf(a, parties, whatIf);
  const plans: PartyPlan[] = input.plans.map((p) => ({ party: p.party, targets: [p.target], approach: p.approach }));
  const comp = compatibility(parties, plans);
  const results = await a.outsideOptions.loadMany(
    parties.map((party) =>
      dateRequest(party, input.date, {
        atTable: parties,
        targets: comp.plans.find((p) => p.party === party)!.targets,
      }),
    ),
  );
  const failed = results.find((r): r is Error => r instanceof Error);
  if (failed) throw failed;
  const outside = parties.map((party, i) => {
    const r = results[i] as OptionResult;
    return { party, attractiveness: r.overall ?? 0, options: r, recorded: false }; // not covered: none, as for a case (cases.ts)
  });
  const names = await stateNames(a, parties, comp);
  const subject = `a negotiation between ${parties.map((c) => names.get(c) ?? c).join(', ')} in ${input.date}`;
  const base = estimate(state, state.full, [], parties, comp, outside, names, subject);
  let counterfactual: Estimate | null = null;
  if (w) {
    const changed = applyWhatIf(parties, comp, outside, w);
    counterfactual = estimate(
      state,
      state.full,
      [],
      parties,
      changed.comp,
      changed.outside,
      names,
      `${subject} (what if)`,
    );
  }
  return { estimate: base, counterfactual, evaluation: state.evaluation };
}
