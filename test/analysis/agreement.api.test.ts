/**
 * Agreement likelihood through the API, on the curated seed plus the imported data sets: the
 * properties the argument implies, the leave-one-out rule, the canonical cases, the evaluation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, testLimits, type TestApi } from '../helpers/testApi.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { hasSharedData, requireDataOrSkip, sharedDataSkipReason } from '../helpers/sharedData.js';

requireDataOrSkip();
import { fitModel, FEATURES } from '../../src/analysis/agreementModel.js';
import { predict } from '../../src/analysis/logisticModel.js';

const title = sharedDataSkipReason
  ? `agreement likelihood (${sharedDataSkipReason})`
  : 'agreement likelihood on the seed and the imported data';

type Estimate = {
  probability: number;
  compatibility: {
    highlyCompatible: boolean;
    targetAgreement: number;
    approachAgreement: number;
    plans: { party: { ccode: number }; targets: { ccode: number }[]; approach: string | null }[];
  };
  outsideOptions: { party: { ccode: number }; attractiveness: number }[];
  model: {
    trainingCases: number;
    leftOut: string[];
    coefficients: { factor: string; value: number; constraint: string }[];
    evaluation: {
      cases: number;
      brier: number;
      baseRateBrier: number;
      logLoss: number;
      baseRateLogLoss: number;
      auc: number | null;
    };
  };
  explanation: string;
  similarCases: { negotiation: { key: string }; outcome: string; distance: number }[];
  contributions: { factor: string; value: number; coefficient: number; logit: number; probabilityWithout: number }[];
  counterfactual: { probability: number; compatibility: { highlyCompatible: boolean } } | null;
};
const FIELDS = `probability explanation
  compatibility { highlyCompatible targetAgreement approachAgreement plans { party { ccode } targets { ccode } approach } }
  outsideOptions { party { ccode } attractiveness }
  contributions { factor value coefficient logit probabilityWithout }
  similarCases { negotiation { key } outcome distance }
  model { trainingCases leftOut coefficients { factor value constraint } evaluation { cases brier baseRateBrier logLoss baseRateLogLoss auc } }
  counterfactual { probability compatibility { highlyCompatible } }`;

describe.skipIf(!hasSharedData)(title, () => {
  let api: TestApi;
  let all: { key: string; outcome: string; agreementLikelihood: Estimate }[];
  beforeAll(async () => {
    // The tests ask for every negotiation's estimate in one request: above the default cost limit,
    // which is not what they test.
    api = await createTestApi(await seededAndImported(), { ...testLimits, maxCost: 200_000 });
    all = [];
    let after: string | null = null;
    for (;;) {
      // every negotiation, a page of 100 at a time
      const {
        data,
        errors,
      }: {
        data?: {
          negotiations: {
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { key: string; outcome: string; agreementLikelihood: Estimate } }[];
          };
        } | null;
        errors?: unknown;
      } = await api.run(
        `query ($after: String) { negotiations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { key outcome agreementLikelihood { ${FIELDS} } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      all.push(...data!.negotiations.edges.map((e) => e.node));
      if (!data!.negotiations.pageInfo.hasNextPage) break;
      after = data!.negotiations.pageInfo.endCursor;
    }
  }, 180_000);

  const one = async (key: string, whatIf?: unknown) => {
    const { data, errors } = await api.run<{ agreementLikelihood: Estimate }>(
      `query ($key: ID!, $whatIf: WhatIfInput) { agreementLikelihood(negotiation: $key, whatIf: $whatIf) { ${FIELDS} } }`,
      { key, whatIf },
    );
    expect(errors).toBeUndefined();
    return data!.agreementLikelihood;
  };

  it('gives every negotiation a probability in [0, 1], with an explanation and similar cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const n of all) {
      const e = n.agreementLikelihood;
      expect(e.probability).toBeGreaterThanOrEqual(0);
      expect(e.probability).toBeLessThanOrEqual(1);
      expect(e.explanation).toMatch(/Estimated probability of a treaty/);
      expect(e.similarCases.length).toBeGreaterThan(0);
      expect(e.similarCases.map((s) => s.negotiation.key)).not.toContain(n.key);
    }
  });

  it('leaves the negotiation asked about out of the fit', () => {
    for (const n of all) {
      expect(n.agreementLikelihood.model.leftOut).toEqual([n.key]);
      expect(n.agreementLikelihood.model.trainingCases).toBe(all.length - 1);
    }
    // the fits differ between cases: each is its own leave-one-out fit, not one shared model
    const coefficientSets = new Set(
      all.map((n) => JSON.stringify(n.agreementLikelihood.model.coefficients.map((c) => c.value.toFixed(8)))),
    );
    expect(coefficientSets.size).toBeGreaterThan(1);
  });

  it('under leave-one-out, the North Atlantic talks score higher than the Anglo-German 1898–1901 and the 1939 British-French-Soviet talks', () => {
    const p = (key: string) => all.find((n) => n.key === key)!.agreementLikelihood.probability;
    expect(p('north-atlantic-1948')).toBeGreaterThan(p('anglo-german-1898'));
    expect(p('north-atlantic-1948')).toBeGreaterThan(p('british-french-soviet-1939'));
    expect(all.find((n) => n.key === 'north-atlantic-1948')!.agreementLikelihood.compatibility.highlyCompatible).toBe(
      true,
    );
  });

  it('the leave-one-out Brier score beats the base rate', () => {
    const e = all[0]!.agreementLikelihood.model.evaluation;
    console.log(
      `leave-one-out: Brier ${e.brier.toFixed(3)} (base rate ${e.baseRateBrier.toFixed(3)}), log loss ${e.logLoss.toFixed(3)} (base rate ${e.baseRateLogLoss.toFixed(3)}), AUC ${e.auc?.toFixed(3)}`,
    );
    expect(e.cases).toBe(all.length);
    expect(e.brier).toBeLessThan(e.baseRateBrier);
  });

  it('raising compatibility never lowers the probability (every negotiation made highly compatible)', async () => {
    for (const n of all.filter((x) => !x.agreementLikelihood.compatibility.highlyCompatible)) {
      const plans = n.agreementLikelihood.compatibility.plans;
      const target = plans.find((p) => p.targets.length)?.targets[0]?.ccode;
      if (target === undefined || plans.some((p) => p.party.ccode === target)) continue;
      const whatIf = {
        approaches: plans.map((p) => ({ party: p.party.ccode, approach: 'DEFENSIVE' })),
        targets: plans.map((p) => ({ party: p.party.ccode, target })),
      };
      const e = await one(n.key, whatIf);
      expect(e.counterfactual!.compatibility.highlyCompatible, n.key).toBe(true);
      expect(e.counterfactual!.probability, n.key).toBeGreaterThanOrEqual(e.probability);
    }
  });

  it('when plans are not highly compatible, a more attractive outside option never raises the probability; removing options never lowers it', async () => {
    for (const n of all.filter((x) => !x.agreementLikelihood.compatibility.highlyCompatible).slice(0, 8)) {
      const party = n.agreementLikelihood.outsideOptions[0]!.party.ccode;
      const more = await one(n.key, { outsideOptions: [{ party, attractiveness: 1 }] });
      expect(more.counterfactual!.probability, n.key).toBeLessThanOrEqual(more.probability);
      const none = await one(n.key, {
        removeOutsideOptions: n.agreementLikelihood.outsideOptions.map((o) => o.party.ccode),
      });
      expect(none.counterfactual!.probability, n.key).toBeGreaterThanOrEqual(none.probability);
    }
  });

  it('the monotone properties hold for the fitted coefficients over the whole feature space', () => {
    const coefficients = all[0]!.agreementLikelihood.model.coefficients;
    for (const c of coefficients) {
      if (c.constraint === 'nonnegative') expect(c.value).toBeGreaterThanOrEqual(0);
      if (c.constraint === 'nonpositive') expect(c.value).toBeLessThanOrEqual(0);
    }
    // random cases through the same fitting code: more agreement never lowers p, a better outside option never raises it
    const fit = fitModel([
      { key: 'a', outcome: 1, x: [1, 1, 1, 0, 0] },
      { key: 'b', outcome: 0, x: [0, 0.5, 0.5, 0.9, 1] },
      { key: 'c', outcome: 1, x: [0, 0.5, 1, 0.2, 0] },
      { key: 'd', outcome: 0, x: [0, 0.5, 0.5, 0.4, 1] },
    ]);
    expect(fit.coefficients).toHaveLength(FEATURES.length);
    for (let i = 0; i < 200; i++) {
      const t = Math.random(),
        a = Math.random(),
        o = Math.random(),
        sc = Math.random() < 0.5 ? 0 : 1;
      const base = predict(fit, [0, t, a, o, sc]);
      expect(predict(fit, [0, Math.min(1, t + 0.1), a, o, sc])).toBeGreaterThanOrEqual(base);
      expect(predict(fit, [0, t, Math.min(1, a + 0.1), o, sc])).toBeGreaterThanOrEqual(base);
      expect(predict(fit, [0, t, a, Math.min(1, o + 0.1), sc])).toBeLessThanOrEqual(base);
      expect(predict(fit, [0, t, a, o, 1])).toBeLessThanOrEqual(predict(fit, [0, t, a, o, 0]));
    }
  });

  it('estimates a hypothetical negotiation, and rejects nonsense input with codes', async () => {
    const q = `query ($input: HypotheticalNegotiationInput!) { hypotheticalAgreement(input: $input) { probability compatibility { highlyCompatible } model { trainingCases leftOut } explanation } }`;
    const compatible = await api.run<{
      hypotheticalAgreement: {
        probability: number;
        compatibility: { highlyCompatible: boolean };
        model: { trainingCases: number; leftOut: string[] };
      };
    }>(q, {
      input: {
        date: '1949-01-01',
        parties: [2, 200],
        plans: [
          { party: 2, target: 365, approach: 'DEFENSIVE' },
          { party: 200, target: 365, approach: 'DEFENSIVE' },
        ],
      },
    });
    const divergent = await api.run<{ hypotheticalAgreement: { probability: number } }>(q, {
      input: {
        date: '1949-01-01',
        parties: [2, 200],
        plans: [
          { party: 2, target: 365, approach: 'DEFENSIVE' },
          { party: 200, target: 255, approach: 'OFFENSIVE' },
        ],
      },
    });
    expect(compatible.data!.hypotheticalAgreement.compatibility.highlyCompatible).toBe(true);
    expect(compatible.data!.hypotheticalAgreement.model).toEqual({ trainingCases: all.length, leftOut: [] });
    expect(compatible.data!.hypotheticalAgreement.probability).toBeGreaterThan(
      divergent.data!.hypotheticalAgreement.probability,
    );
    const own = await api.run(q, {
      input: { date: '1949', parties: [2, 200], plans: [{ party: 2, target: 2, approach: 'DEFENSIVE' }] },
    });
    expect(own.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const alone = await api.run(q, { input: { date: '1949', parties: [2], plans: [] } });
    expect(alone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await api.run(q, { input: { date: '1949', parties: [2, 999], plans: [] } });
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown ccode 999/);
  });
});
