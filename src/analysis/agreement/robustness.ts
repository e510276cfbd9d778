/**
 * How much the model's figures depend on how the hard cases are coded: the same leave-one-out
 * evaluation and bootstrap intervals on subsets of the cases (without negotiations where a plan aims
 * at a state at the table; without composite targets, a threat posed by several states; by era) and
 * under another coding (the blind second coder's, on the negotiations it coded). Pure: cases in, rows out.
 */
import { evaluateLeaveOneOut, featureVector, fitModel, type FeatureSet, FULL_MODEL } from '../agreementModel.js';
import { bootstrapIntervals, type Intervals } from '../bootstrap.js';
import type { LogisticFit } from '../logisticModel.js';
import type { CaseData } from './cases.js';

export interface RobustnessRow {
  name: string;
  cases: number;
  agreements: number;
  brier: number;
  baseRateBrier: number;
  logLoss: number;
  auc: number | null;
  intervals: Intervals;
  /** The fitted coefficients on all the row's cases, in FEATURES order, and the intercept. */
  coefficients: number[];
  intercept: number;
}

/** Leave-one-out figures of the model on `cases` (fitted and evaluated on those alone). */
export function evaluateCases(name: string, cases: readonly CaseData[], set: FeatureSet = FULL_MODEL): RobustnessRow {
  const rows = cases.map((c) => ({ key: c.key, outcome: c.outcome, x: featureVector(c.inputs, set) }));
  const fits = new Map<string, LogisticFit>();
  const ev = evaluateLeaveOneOut(rows, (key) => {
    let f = fits.get(key);
    if (!f) {
      f = fitModel(rows.filter((c) => c.key !== key));
      fits.set(key, f);
    }
    return f;
  });
  const full = fitModel(rows);
  return {
    name,
    cases: rows.length,
    agreements: rows.filter((r) => r.outcome === 1).length,
    brier: ev.brier,
    baseRateBrier: ev.baseRateBrier,
    logLoss: ev.logLoss,
    auc: ev.auc,
    intervals: bootstrapIntervals(ev.predictions, 2000, 90),
    coefficients: full.coefficients,
    intercept: full.intercept,
  };
}

/** A plan of the case aims at a state at the table. */
export const aimsAtTable = (c: CaseData) => c.compatibility.targetsAtTable > 0;
/** A plan of the case aims at a composite threat (posed by several states). */
export const compositeTarget = (c: CaseData) => c.compatibility.plans.some((p) => p.targets.length > 1);

/** The periods of the by-era rows: the split the argument's critics ask about (before and after 1871, the interwar years). */
export const ROBUSTNESS_PERIODS = [
  { name: '1815–1870', from: '1815-01-01', to: '1870-12-31' },
  { name: '1871–1918', from: '1871-01-01', to: '1918-12-31' },
  { name: '1919–1949', from: '1919-01-01', to: '1949-12-31' },
] as const;

/**
 * The robustness table: all cases; without plans aimed at the table; without composite targets; by
 * period; and, when given, the cases under the second coding (`second`: the coded cases of the
 * sample read with the second coder's plans; `sampleFirst`: the same negotiations under the first coding).
 */
export function robustnessTable(
  cases: readonly CaseData[],
  second?: { sampleFirst: readonly CaseData[]; sampleSecond: readonly CaseData[] },
): RobustnessRow[] {
  const rows = [
    evaluateCases('all cases', cases),
    evaluateCases(
      'without plans aimed at the table',
      cases.filter((c) => !aimsAtTable(c)),
    ),
    evaluateCases(
      'without composite targets',
      cases.filter((c) => !compositeTarget(c)),
    ),
    ...ROBUSTNESS_PERIODS.map((p) =>
      evaluateCases(
        p.name,
        cases.filter((c) => c.start >= p.from && c.start <= p.to),
      ),
    ),
  ];
  if (second) {
    rows.push(evaluateCases('second-coding sample, first coding', second.sampleFirst));
    rows.push(evaluateCases("second-coding sample, second coder's coding", second.sampleSecond));
  }
  return rows;
}

const fixed = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const interval = (i: [number, number] | null) => (i ? `[${i[0].toFixed(3)}, ${i[1].toFixed(3)}]` : '');

/** The table as Markdown: one row per subset, leave-one-out Brier (with the base rate's) and AUC, 90 % bootstrap intervals. */
export function renderRobustnessTable(rows: readonly RobustnessRow[]): string {
  return [
    '| cases | n | treaties | Brier (90 % interval) | base rate | AUC (90 % interval) |',
    '|---|---:|---:|---|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.cases} | ${r.agreements} | ${fixed(r.brier)} ${interval(r.intervals.brier)} | ${fixed(r.baseRateBrier)} | ${fixed(r.auc)} ${interval(r.intervals.auc)} |`,
    ),
  ].join('\n');
}
