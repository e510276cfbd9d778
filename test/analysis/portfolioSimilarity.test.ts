import { describe, expect, it } from 'vitest';
import { sScore, tauB, tieLevel } from '../../src/analysis/portfolioSimilarity.js';

describe('tie coding', () => {
  it('takes the strongest obligation', () => {
    expect(tieLevel([])).toBe(0);
    expect(tieLevel(['CONSULTATION'])).toBe(1);
    expect(tieLevel(['NON_AGGRESSION', 'CONSULTATION'])).toBe(2);
    expect(tieLevel(['OFFENSE', 'NEUTRALITY'])).toBe(3);
    expect(tieLevel(['CONSULTATION', 'DEFENSE', 'OFFENSE'])).toBe(4);
  });
});

describe('S (Signorino–Ritter)', () => {
  it('matches a hand computation', () => {
    // three states: a = [4, 0, 1], b = [4, 2, 0]; distance 0 + 2 + 1 = 3; S = 1 - 2*3/(3*4) = 0.5
    expect(sScore([4, 0, 1], [4, 2, 0])).toBeCloseTo(0.5, 12);
    // opposite extremes everywhere: S = -1
    expect(sScore([4, 0], [0, 4])).toBeCloseTo(-1, 12);
  });
  it('is 1 for a state with itself, symmetric, and in [-1, 1]', () => {
    const rnd = (n: number, seed: number) => Array.from({ length: n }, (_, i) => (seed * 7 + i * 13) % 5);
    for (let s = 0; s < 20; s++) {
      const a = rnd(12, s);
      const b = rnd(12, s + 3);
      expect(sScore(a, a)).toBe(1);
      expect(sScore(a, b)).toBe(sScore(b, a));
      expect(sScore(a, b)!).toBeGreaterThanOrEqual(-1);
      expect(sScore(a, b)!).toBeLessThanOrEqual(1);
    }
  });
});

describe('tau-b', () => {
  it('matches a hand computation', () => {
    // a = [1,2,3,4], b = [1,3,2,4]: pairs 6, concordant 5, discordant 1, no ties: tau = 4/6
    expect(tauB([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(4 / 6, 12);
    // with ties: a = [4,0,0], b = [4,1,0]: pairs (0,1) C, (0,2) C, (1,2) tied in a;
    // n0 = 3, n1 = 1, n2 = 0: tau = 2 / sqrt(2*3)
    expect(tauB([4, 0, 0], [4, 1, 0])).toBeCloseTo(2 / Math.sqrt(6), 12);
  });
  it('is 1 with itself, -1 reversed, symmetric, null without variation', () => {
    expect(tauB([4, 0, 1, 2], [4, 0, 1, 2])).toBe(1);
    expect(tauB([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(tauB([4, 0, 1, 2], [2, 2, 0, 4])).toBe(tauB([2, 2, 0, 4], [4, 0, 1, 2]));
    expect(tauB([0, 0, 0], [1, 2, 3])).toBeNull();
  });
});
