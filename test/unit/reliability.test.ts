/**
 * Krippendorff's alpha and raw agreement (src/analysis/reliability.ts): on Krippendorff's own worked
 * examples (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", examples A–C, whose
 * published alphas are 0.095, 0.692 and 0.743), on hand-made edge cases, and against the `krippendorff`
 * Python package on the record's two codings. Without python3 and the package the cross-check skips
 * with a message; with CI=true it fails instead (.ci/run installs the package).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { krippendorffAlphaNominal, twoCodingAgreement, type CodedUnit } from '../../src/analysis/reliability.js';
import { readSeedDir } from '../../src/seed/readSeedDir.js';
import { secondCodingUnits } from '../../src/seed/secondCodingUnits.js';
import { seedDir } from '../../src/paths.js';

/** Coders in rows (as Krippendorff prints them), `.` for a missing value → units in columns. */
function unitsOf(...coders: string[]): CodedUnit[] {
  const rows = coders.map((r) => r.trim().split(/\s+/));
  return rows[0]!.map((_, u) => rows.map((r) => (r[u] === '.' ? null : r[u]!)));
}

describe("Krippendorff's worked examples", () => {
  it('A: binary data, two observers, no missing data: alpha = 0.095', () => {
    const units = unitsOf('0 1 0 0 0 0 0 0 1 0', '1 1 1 0 0 1 0 0 0 0');
    // o00 = 10, o11 = 2, o01 = o10 = 4; n = 20: alpha = 1 − 19 · 8 / (2 · 14 · 6) = 8/84.
    expect(krippendorffAlphaNominal(units)).toBeCloseTo(8 / 84, 12);
    expect(krippendorffAlphaNominal(units)!.toFixed(3)).toBe('0.095');
  });

  it('B: nominal data, two observers, no missing data: alpha = 0.692', () => {
    const units = unitsOf('a a b b d c c c e d d a', 'b a b b b c c c e d d d');
    expect(krippendorffAlphaNominal(units)!.toFixed(3)).toBe('0.692');
    const pairs = units.map((u) => [u[0]!, u[1]!] as const);
    expect(twoCodingAgreement(pairs)).toMatchObject({ units: 12, pairable: 12, agreed: 9, rawAgreement: 0.75 });
  });

  it('C: nominal data, four observers, missing data: alpha = 0.743', () => {
    const units = unitsOf(
      '1 2 3 3 2 1 4 1 2 . . .',
      '1 2 3 3 2 2 4 1 2 5 . 3',
      '. 3 3 3 2 3 4 2 2 5 1 .',
      '1 2 3 3 2 4 4 1 2 5 1 .',
    );
    expect(krippendorffAlphaNominal(units)!.toFixed(3)).toBe('0.743');
    // Unit 12 (one value) is not pairable: dropping it changes nothing.
    expect(krippendorffAlphaNominal(units.slice(0, 11))).toBeCloseTo(krippendorffAlphaNominal(units)!, 12);
  });
});

describe('edge cases', () => {
  it('perfect agreement gives 1; systematic disagreement gives less than 0', () => {
    expect(krippendorffAlphaNominal(unitsOf('a b a b', 'a b a b'))).toBe(1);
    expect(krippendorffAlphaNominal(unitsOf('a b a b', 'b a b a'))).toBeLessThan(0);
  });

  it('alpha is undefined (null) without variation or without a pairable unit', () => {
    expect(krippendorffAlphaNominal(unitsOf('a a a', 'a a a'))).toBeNull();
    expect(krippendorffAlphaNominal(unitsOf('a . b', '. b .'))).toBeNull();
    expect(twoCodingAgreement([]).rawAgreement).toBeNull();
  });

  it('a unit either coder left unknown drops out of both figures, and is counted', () => {
    const pairs = [
      ['a', 'a'],
      ['a', 'b'],
      [null, 'a'],
      ['b', null],
      [null, null],
      ['b', 'b'],
    ] as const;
    const r = twoCodingAgreement(pairs);
    expect(r).toMatchObject({ units: 6, pairable: 3, unknownFirst: 2, unknownSecond: 2, agreed: 2 });
    expect(r.rawAgreement).toBeCloseTo(2 / 3, 12);
    expect(r.alpha).toBeCloseTo(krippendorffAlphaNominal([pairs[0], pairs[1], pairs[5]])!, 12);
  });
});

/** Alpha from the Python package on units as [first, second] values (null: unknown), or the reason it cannot run. */
function pythonAlpha(pairs: readonly (readonly [string | null, string | null])[]): number | string {
  const codes = new Map<string, number>();
  const code = (v: string | null) => (v === null ? null : (codes.get(v) ?? codes.set(v, codes.size + 1).get(v)!));
  const data = [pairs.map(([a]) => code(a)), pairs.map(([, b]) => code(b))];
  const script = [
    'import json, sys',
    'import numpy as np',
    'import krippendorff',
    'd = json.load(sys.stdin)',
    'm = np.array([[np.nan if v is None else v for v in row] for row in d], dtype=float)',
    "print(repr(float(krippendorff.alpha(reliability_data=m, level_of_measurement='nominal'))))",
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(data), encoding: 'utf8' });
  if (r.error || r.status !== 0) return `python3 with the krippendorff package: ${r.error?.message ?? r.stderr.trim()}`;
  return Number(r.stdout.trim());
}

describe("the record's two codings against the krippendorff Python package", () => {
  const units = secondCodingUnits(readSeedDir(seedDir));
  const probe = pythonAlpha([
    ['a', 'a'],
    ['a', 'b'],
    ['b', 'b'],
  ]);
  const unavailable = typeof probe === 'string' ? probe : null;
  if (unavailable && process.env.CI !== 'true')
    console.warn(`skipped: ${unavailable} (pip install krippendorff; .ci/run does)`);
  const run = unavailable && process.env.CI !== 'true' ? it.skip : it;

  for (const variable of ['target', 'approach'] as const)
    run(`${variable}: the same alpha`, () => {
      expect(unavailable, 'CI=true needs python3 with krippendorff').toBeNull();
      const pairs = units.map((u) => u[variable]);
      const mine = twoCodingAgreement(pairs).alpha!;
      expect(mine).toBeGreaterThan(0);
      expect(mine).toBeCloseTo(pythonAlpha(pairs) as number, 12);
    });
});
