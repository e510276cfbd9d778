/**
 * The agreement-likelihood model: a ridge logistic regression of the outcome (1 = treaty) on
 * features computed from graph traversals only:
 *
 * | feature | value | sign |
 * |---|---|---|
 * | highlyCompatible | 1 when all parties share target and approach | ≥ 0 |
 * | targetAgreement | share of parties in the largest group agreeing on the target | ≥ 0 |
 * | approachAgreement | same for the approach | ≥ 0 |
 * | outsideOptionsIfIncompatible | (1 − highlyCompatible) × the best outside option of any party: the recorded one where the record has the party's own view, the computed one otherwise | ≤ 0 |
 * | scopeDisagreement | 1 when the parties' coded scopes differ (0 when they agree or are not coded) | ≤ 0 |
 * | targetAtTable | share of parties whose plan targets a state at the table (a pact with the threat itself) | free |
 *
 * The signs are the argument's claims, imposed as constraints: compatibility can only help, and an
 * attractive outside option can only hurt when plans are not highly compatible. The argument makes no
 * claim about pacts with the threat itself (they restrain a partner rather than aggregate power), so
 * their coefficient is free: the data decide its sign. λ = 1 (fixed, not
 * tuned to the evaluation). For a historical negotiation the model is refitted without it
 * (leave-one-out), so it cannot recite the answer.
 */
import { fitLogistic, predict, type LogisticFit, type Sign } from './logisticModel.js';
import type { Compatibility } from './compatibility.js';

export const MODEL_NAME = 'poast-compatibility-outside-options';
export const MODEL_VERSION = '3.0.0';
export const LAMBDA = 1;

export const FEATURES: { name: string; sign: Sign; description: string }[] = [
  { name: 'highlyCompatible', sign: 'nonnegative', description: 'all parties share target and approach' },
  { name: 'targetAgreement', sign: 'nonnegative', description: 'share of parties agreeing on the target' },
  { name: 'approachAgreement', sign: 'nonnegative', description: 'share of parties agreeing on the approach' },
  {
    name: 'outsideOptionsIfIncompatible',
    sign: 'nonpositive',
    description:
      'best outside option of any party (recorded where the record has it, computed otherwise), when plans are not highly compatible',
  },
  { name: 'scopeDisagreement', sign: 'nonpositive', description: "the parties' coded scopes of the commitment differ" },
  {
    name: 'targetAtTable',
    sign: 'free',
    description:
      'share of parties whose plan targets a state at the table (neutrality, non-aggression or coercive talks with the threat itself)',
  },
];

/** What a case's features are computed from. */
export interface CaseInputs {
  compatibility: Pick<
    Compatibility,
    'highlyCompatible' | 'targetAgreement' | 'approachAgreement' | 'allScopesAgree' | 'targetsAtTable'
  >;
  /** Best computed outside option of any party. */
  bestComputed: number;
  /** Best outside option of any party, the recorded one where the party has one. */
  bestRecorded: number;
}

/**
 * The nested feature sets of the ablation: compatibility only; + computed outside options;
 * + recorded ones where the record has them; + scope; + plans aimed at the table (the full model).
 */
export const FEATURE_SETS = [
  { name: 'compatibility only', features: 3, options: 'none' },
  { name: '+ computed outside options', features: 4, options: 'computed' },
  { name: '+ recorded outside options', features: 4, options: 'recorded' },
  { name: '+ scope', features: 5, options: 'recorded' },
  { name: '+ target at the table (full)', features: 6, options: 'recorded' },
] as const;
export type FeatureSet = (typeof FEATURE_SETS)[number];
export const FULL_MODEL: FeatureSet = FEATURE_SETS[4];

export function featureVector(i: CaseInputs, set: FeatureSet = FULL_MODEL): number[] {
  const c = i.compatibility;
  const hc = c.highlyCompatible ? 1 : 0;
  const best = set.options === 'computed' ? i.bestComputed : i.bestRecorded;
  return [
    hc,
    c.targetAgreement,
    c.approachAgreement,
    (1 - hc) * best,
    c.allScopesAgree === false ? 1 : 0,
    c.targetsAtTable,
  ].slice(0, set.features);
}

export interface TrainingCase {
  key: string;
  outcome: 0 | 1;
  x: number[];
}

export function fitModel(cases: readonly TrainingCase[]): LogisticFit {
  const p = cases[0]?.x.length ?? FEATURES.length;
  return fitLogistic(
    cases.map((c) => c.x),
    cases.map((c) => c.outcome),
    { lambda: LAMBDA, signs: FEATURES.slice(0, p).map((f) => f.sign) },
  );
}

export interface CalibrationBin {
  from: number;
  to: number;
  cases: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

export interface Evaluation {
  cases: number;
  brier: number;
  logLoss: number;
  accuracy: number;
  auc: number | null;
  baseRateBrier: number;
  baseRateLogLoss: number;
  baseRateAccuracy: number;
  calibration: CalibrationBin[];
  /** Leave-one-out probability of each case. */
  predictions: { key: string; outcome: 0 | 1; probability: number; baseRate: number }[];
}

const clampP = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));

/** Area under the ROC curve (Mann–Whitney); null when only one class is present. */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  if (!pos.length || !neg.length) return null;
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** Leave-one-out evaluation against the base-rate predictor (also left-one-out). */
export function evaluateLeaveOneOut(cases: readonly TrainingCase[], fits: (key: string) => LogisticFit): Evaluation {
  const predictions = cases.map((c) => {
    const others = cases.filter((o) => o.key !== c.key);
    const baseRate = others.reduce((s, o) => s + o.outcome, 0) / others.length;
    return { key: c.key, outcome: c.outcome, probability: predict(fits(c.key), c.x), baseRate };
  });
  const n = predictions.length;
  const mean = (f: (p: (typeof predictions)[number]) => number) => predictions.reduce((s, p) => s + f(p), 0) / n;
  const bins: CalibrationBin[] = [0, 0.2, 0.4, 0.6, 0.8].map((from) => {
    const to = from + 0.2;
    const inBin = predictions.filter(
      (p) => p.probability >= from && (p.probability < to || (to >= 1 && p.probability <= 1)),
    );
    return {
      from,
      to: Math.round(to * 10) / 10,
      cases: inBin.length,
      meanPredicted: inBin.length ? inBin.reduce((s, p) => s + p.probability, 0) / inBin.length : null,
      observedRate: inBin.length ? inBin.reduce((s, p) => s + p.outcome, 0) / inBin.length : null,
    };
  });
  return {
    cases: n,
    brier: mean((p) => (p.probability - p.outcome) ** 2),
    logLoss: mean(
      (p) => -(p.outcome * Math.log(clampP(p.probability)) + (1 - p.outcome) * Math.log(clampP(1 - p.probability))),
    ),
    accuracy: mean((p) => ((p.probability >= 0.5 ? 1 : 0) === p.outcome ? 1 : 0)),
    auc: auc(
      predictions.map((p) => p.probability),
      predictions.map((p) => p.outcome),
    ),
    baseRateBrier: mean((p) => (p.baseRate - p.outcome) ** 2),
    baseRateLogLoss: mean(
      (p) => -(p.outcome * Math.log(clampP(p.baseRate)) + (1 - p.outcome) * Math.log(clampP(1 - p.baseRate))),
    ),
    baseRateAccuracy: mean((p) => ((p.baseRate >= 0.5 ? 1 : 0) === p.outcome ? 1 : 0)),
    calibration: bins,
    predictions,
  };
}
