import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, sigmoid } from '../../src/analysis/logisticModel.js';

describe('fitLogistic', () => {
  it('matches the closed form of a one-feature binary design', () => {
    // x = 0: 1 of 4 succeed; x = 1: 3 of 4 succeed. Unpenalised MLE: intercept logit(1/4), slope logit(3/4) - logit(1/4).
    const X = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const y = [1, 0, 0, 0, 1, 1, 1, 0];
    const fit = fitLogistic(X, y, { lambda: 0 });
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 6);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(3) - Math.log(1 / 3), 6);
    expect(predict(fit, [1])).toBeCloseTo(0.75, 6);
  });

  it('shrinks towards zero as lambda grows', () => {
    const X = [[0], [0], [1], [1], [1], [0]];
    const y = [0, 0, 1, 1, 1, 1];
    const slopes = [0.01, 1, 10, 100].map((lambda) => fitLogistic(X, y, { lambda }).coefficients[0]!);
    for (let i = 1; i < slopes.length; i++) expect(Math.abs(slopes[i]!)).toBeLessThan(Math.abs(slopes[i - 1]!));
  });

  it('honours sign constraints', () => {
    // the data say the feature lowers the probability; constrained non-negative, its coefficient is 0
    const X = [[1], [1], [1], [0], [0], [0]];
    const y = [0, 0, 1, 1, 1, 0];
    expect(fitLogistic(X, y, { lambda: 0.1 }).coefficients[0]).toBeLessThan(0);
    expect(fitLogistic(X, y, { lambda: 0.1, signs: ['nonnegative'] }).coefficients[0]).toBe(0);
  });

  it('sigmoid is a probability', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(50)).toBeLessThanOrEqual(1);
    expect(sigmoid(-50)).toBeGreaterThanOrEqual(0);
  });
});
