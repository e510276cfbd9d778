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
  interval: { low: number; high: number; level: number; replicates: number } | null;
  compatibility: {
    targetsAtTable: number;
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
const FIELDS = `probability interval { low high level replicates } explanation
  compatibility { highlyCompatible targetAgreement approachAgreement targetsAtTable plans { party { ccode } targets { ccode } approach } }
  outsideOptions { party { ccode } attractiveness }
  contributions { factor value coefficient logit probabilityWithout }
  similarCases { negotiation { key } outcome distance }
  model { trainingCases leftOut coefficients { factor value constraint } evaluation { cases brier baseRateBrier logLoss baseRateLogLoss auc } }
  counterfactual { probability compatibility { highlyCompatible } }`;

describe.skipIf(!hasSharedData)(title, () => {
  let api: TestApi;
  type Node = {
    key: string;
    outcome: string;
    partyPositions: { state: { ccode: number }; plans: { fromRound: number | null }[] }[];
    agreementLikelihood: Estimate | null;
  };
  let every: Node[];
  /** The negotiations that are cases of the model (every party's entry plan coded). */
  let all: (Node & { agreementLikelihood: Estimate })[];
  beforeAll(async () => {
    // The tests ask for every negotiation's estimate in one request: above the default cost limit,
    // which is not what they test.
    api = await createTestApi(await seededAndImported(), { ...testLimits, maxCost: 200_000 });
    every = [];
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
            edges: { node: Node }[];
          };
        } | null;
        errors?: unknown;
      } = await api.run(
        `query ($after: String) { negotiations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { key outcome partyPositions { state { ccode } plans(kind: IDEAL) { fromRound } } agreementLikelihood { ${FIELDS} } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      every.push(...data!.negotiations.edges.map((e) => e.node));
      if (!data!.negotiations.pageInfo.hasNextPage) break;
      after = data!.negotiations.pageInfo.endCursor;
    }
    all = every.filter((n): n is Node & { agreementLikelihood: Estimate } => n.agreementLikelihood !== null);
  }, 180_000);

  it('models exactly the negotiations whose parties all have a coded entry plan; the others answer why not', async () => {
    const coded = (n: Node) => n.partyPositions.every((p) => p.plans.some((w) => w.fromRound === null));
    expect(every.filter((n) => n.agreementLikelihood !== null).map((n) => n.key)).toEqual(
      every.filter(coded).map((n) => n.key),
    );
    const uncoded = every.find((n) => !coded(n))!;
    expect(uncoded).toBeDefined();
    const { errors } = await api.run('query ($key: ID!) { agreementLikelihood(negotiation: $key) { probability } }', {
      key: uncoded.key,
    });
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(errors?.[0]?.message).toMatch(/do not settle the entry plan/);
  });

  it('gives every probability a 90% bootstrap interval around it, from the replicates the case is out of', () => {
    for (const n of all) {
      const { probability, interval } = n.agreementLikelihood;
      expect(interval, n.key).not.toBeNull();
      expect(interval!.level).toBe(0.9);
      expect(interval!.replicates).toBeGreaterThan(40);
      expect(interval!.replicates).toBeLessThan(120); // about 37% of 200: those that did not draw the case
      expect(interval!.low).toBeLessThanOrEqual(interval!.high);
      expect(interval!.low - 0.2).toBeLessThanOrEqual(probability);
      expect(interval!.high + 0.2).toBeGreaterThanOrEqual(probability);
    }
  });

  it('fits and evaluates, leave-one-out, the negotiations whose plans aim at a state at the table, with their own coefficient', () => {
    const atTable = all.filter((n) => n.agreementLikelihood.compatibility.targetsAtTable > 0);
    expect(atTable.length).toBeGreaterThan(10);
    expect(all[0]!.agreementLikelihood.model.evaluation.cases).toBe(all.length);
    const c = all[0]!.agreementLikelihood.model.coefficients.find((x) => x.factor === 'targetAtTable')!;
    expect(c.constraint).toBe('free');
    for (const n of atTable) expect(n.agreementLikelihood.explanation, n.key).toMatch(/at a state at the table/);
  });

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
      { key: 'a', outcome: 1, x: [1, 1, 1, 0, 0, 0] },
      { key: 'b', outcome: 0, x: [0, 0.5, 0.5, 0.9, 1, 0.5] },
      { key: 'c', outcome: 1, x: [0, 0.5, 1, 0.2, 0, 0] },
      { key: 'd', outcome: 0, x: [0, 0.5, 0.5, 0.4, 1, 1] },
    ]);
    expect(fit.coefficients).toHaveLength(FEATURES.length);
    for (let i = 0; i < 200; i++) {
      const t = Math.random(),
        a = Math.random(),
        o = Math.random(),
        sc = Math.random() < 0.5 ? 0 : 1;
      const tt = Math.random();
      const base = predict(fit, [0, t, a, o, sc, tt]);
      expect(predict(fit, [0, Math.min(1, t + 0.1), a, o, sc, tt])).toBeGreaterThanOrEqual(base);
      expect(predict(fit, [0, t, Math.min(1, a + 0.1), o, sc, tt])).toBeGreaterThanOrEqual(base);
      expect(predict(fit, [0, t, a, Math.min(1, o + 0.1), sc, tt])).toBeLessThanOrEqual(base);
      expect(predict(fit, [0, t, a, o, 1, tt])).toBeLessThanOrEqual(predict(fit, [0, t, a, o, 0, tt]));
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
    // A pact with the threat itself: answered, with its probability and why.
    const withThreat = await api.run<{
      hypotheticalAgreement: { probability: number; explanation: string; compatibility: { targetsAtTable: number } };
    }>(
      `query ($input: HypotheticalNegotiationInput!) { hypotheticalAgreement(input: $input) { probability explanation compatibility { targetsAtTable } interval { low high } } }`,
      {
        input: {
          date: '1939-08-01',
          parties: [255, 365],
          plans: [
            { party: 255, target: 365, approach: 'DEFENSIVE' },
            { party: 365, target: 255, approach: 'DEFENSIVE' },
          ],
        },
      },
    );
    expect(withThreat.errors).toBeUndefined();
    expect(withThreat.data!.hypotheticalAgreement.compatibility.targetsAtTable).toBe(1);
    expect(withThreat.data!.hypotheticalAgreement.explanation).toMatch(/at a state at the table/);
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
