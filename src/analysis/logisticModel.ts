/**
 * Ridge-penalised logistic regression with sign constraints, fitted by cyclic coordinate descent
 * (a Newton step per coordinate, projected onto its allowed sign). Small and exact enough for a few
 * dozen cases and a handful of features; no dependency needed.
 *
 * Sign constraints encode the theory so that its monotone claims hold whatever the data: e.g. a
 * compatibility feature may only raise the probability.
 */
export type Sign = 'free' | 'nonnegative' | 'nonpositive';

export interface FitOptions {
  /** L2 penalty on the non-intercept coefficients (default 1). */
  lambda?: number;
  signs?: Sign[];
  maxSweeps?: number;
  tolerance?: number;
}

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  sweeps: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(fit: LogisticFit, x: readonly number[]): number {
  let z = fit.intercept;
  for (let j = 0; j < x.length; j++) z += fit.coefficients[j]! * x[j]!;
  return sigmoid(z);
}

function project(value: number, sign: Sign): number {
  if (sign === 'nonnegative') return Math.max(0, value);
  if (sign === 'nonpositive') return Math.min(0, value);
  return value;
}

/**
 * The fit. The arithmetic is that of the plain loops (the same operations in the same order, so the
 * same doubles), laid out for speed: the columns in Float64Arrays, the intercept's coordinate apart
 * (its x is 1: `v * 1` is `v` exactly). A fit of 144 cases takes a few ms; the model fits 145 of them
 * per data version (full and leave-one-out), in a worker (./modelWorker.ts).
 */
export function fitLogistic(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: FitOptions = {},
): LogisticFit {
  const n = X.length;
  const p = X[0]?.length ?? 0;
  const lambda = options.lambda ?? 1;
  const signs = options.signs ?? Array<Sign>(p).fill('free');
  const maxSweeps = options.maxSweeps ?? 2000;
  const tolerance = options.tolerance ?? 1e-10;
  if (n === 0) throw new Error('cannot fit a model on no cases');
  const cols: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = X[i]![j]!;
    cols.push(c);
  }
  const yy = Float64Array.from(y);
  let intercept = 0;
  const beta = Array<number>(p).fill(0);
  const eta = new Float64Array(n);
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let change = 0;
    {
      // the intercept (x = 1)
      let g = 0;
      let h = 0;
      for (let i = 0; i < n; i++) {
        const mu = sigmoid(eta[i]!);
        g += mu - yy[i]!;
        h += mu * (1 - mu);
      }
      if (h > 1e-12) {
        const next = intercept - g / h;
        const delta = next - intercept;
        if (delta !== 0) {
          for (let i = 0; i < n; i++) eta[i] = eta[i]! + delta;
          intercept = next;
          change = Math.max(change, Math.abs(delta));
        }
      }
    }
    for (let j = 0; j < p; j++) {
      const xj = cols[j]!;
      let g = 0;
      let h = 0;
      for (let i = 0; i < n; i++) {
        const mu = sigmoid(eta[i]!);
        const xij = xj[i]!;
        g += (mu - yy[i]!) * xij;
        h += mu * (1 - mu) * xij * xij;
      }
      const current = beta[j]!;
      g += lambda * current;
      h += lambda;
      if (h <= 1e-12) continue;
      const next = project(current - g / h, signs[j]!);
      const delta = next - current;
      if (delta === 0) continue;
      for (let i = 0; i < n; i++) eta[i] = eta[i]! + delta * xj[i]!;
      beta[j] = next;
      change = Math.max(change, Math.abs(delta));
    }
    if (change < tolerance) break;
  }
  return { intercept, coefficients: beta, sweeps };
}
