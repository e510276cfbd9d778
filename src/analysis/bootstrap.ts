/**
 * Bootstrap intervals for leave-one-out figures: the cases are resampled with replacement (the
 * predictions are kept, not refitted) and each figure recomputed; the interval is the central
 * `level` % of the resampled values. A seeded generator makes the table reproducible.
 */
import { auc } from './agreementModel.js';

/** mulberry32: a small, good-enough seeded generator for resampling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clampP = (p: number) => Math.min(1 - 1e-12, Math.max(1e-12, p));

export interface Intervals {
  brier: [number, number];
  logLoss: [number, number];
  auc: [number, number] | null;
}

export function bootstrapIntervals(
  predictions: readonly { outcome: 0 | 1; probability: number }[],
  resamples = 2000,
  level = 90,
  seed = 1,
): Intervals {
  const rand = seededRandom(seed);
  const n = predictions.length;
  const briers: number[] = [];
  const losses: number[] = [];
  const aucs: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: n }, () => predictions[Math.floor(rand() * n)]!);
    briers.push(sample.reduce((s, p) => s + (p.probability - p.outcome) ** 2, 0) / n);
    losses.push(
      sample.reduce(
        (s, p) =>
          s - (p.outcome * Math.log(clampP(p.probability)) + (1 - p.outcome) * Math.log(clampP(1 - p.probability))),
        0,
      ) / n,
    );
    const a = auc(
      sample.map((p) => p.probability),
      sample.map((p) => p.outcome),
    );
    if (a !== null) aucs.push(a);
  }
  const interval = (xs: number[]): [number, number] => {
    const s = [...xs].sort((x, y) => x - y);
    const lo = s[Math.floor(((100 - level) / 200) * (s.length - 1))]!;
    const hi = s[Math.ceil((1 - (100 - level) / 200) * (s.length - 1))]!;
    return [lo, hi];
  };
  return { brier: interval(briers), logLoss: interval(losses), auc: aucs.length ? interval(aucs) : null };
}
