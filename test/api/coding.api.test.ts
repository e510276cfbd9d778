/**
 * The coding Poast's argument needs, through GraphQL, on the three canonical cases: what each
 * negotiation's sticking points were (scope, form, passage through third states), the outside
 * options the parties' own decision-makers weighed, and the negotiation in which an option was taken.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi, type TestApi } from '../helpers/testApi.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(await seededEmbedded());
});

const NEGOTIATION = `query ($id: ID!) { negotiation(id: $id) {
  outcome
  thirdParties { state { ccode } role note sources { source { key } } }
  compatibility { entry { targetAgreement approachAgreement scopeAgreement formAgreement highlyCompatible allScopesAgree allFormsAgree } byRound { round highlyCompatible } }
  partyPositions {
    state { ccode }
    plans(kind: IDEAL) { fromRound form scope { regions { key } states { ccode } } sources { source { key } } alternatives { rationale } }
    recordedOutsideOptions { kind ally { ccode } attractiveness evidence realisedIn { key } sources { source { key } } }
  }
  proposals { proposers { ccode } plan { kind target { key } approach } }
} }`;

type Position = {
  state: { ccode: number };
  plans: {
    fromRound: number | null;
    form: string | null;
    scope: { regions: { key: string }[]; states: { ccode: number }[] } | null;
    sources: { source: { key: string } }[];
  }[];
  recordedOutsideOptions: {
    kind: string;
    ally: { ccode: number } | null;
    attractiveness: string;
    evidence: string;
    realisedIn: { key: string } | null;
    sources: { source: { key: string } }[];
  }[];
};
type N = {
  negotiation: {
    outcome: string;
    thirdParties: { state: { ccode: number }; role: string; note: string; sources: unknown[] }[];
    compatibility: {
      entry: {
        scopeAgreement: number | null;
        formAgreement: number | null;
        highlyCompatible: boolean;
        allScopesAgree: boolean | null;
        allFormsAgree: boolean | null;
      };
    };
    partyPositions: Position[];
    proposals: { proposers: { ccode: number }[]; plan: { kind: string; target: { key: string } } | null }[];
  };
};

async function negotiation(id: string) {
  const r = await api.run<N>(NEGOTIATION, { id });
  expect(r.errors).toBeUndefined();
  return r.data!.negotiation;
}
const position = (n: N['negotiation'], ccode: number) => n.partyPositions.find((p) => p.state.ccode === ccode)!;
const entry = (p: Position) => p.plans.find((w) => w.fromRound === null)!;

describe('the canonical cases show their sticking points', () => {
  it("NATO 1948–49: shared target and approach, but scope and form disputed, and the United States' unilateral option", async () => {
    const n = await negotiation('north-atlantic-1948');
    expect(n.outcome).toBe('AGREEMENT');
    expect(n.compatibility.entry.highlyCompatible).toBe(true);
    expect(n.compatibility.entry.allScopesAgree).toBe(false);
    expect(n.compatibility.entry.allFormsAgree).toBe(false);
    expect(entry(position(n, 2)).form).toBe('CONSULTATIVE');
    expect(entry(position(n, 220)).form).toBe('AUTOMATIC');
    expect(entry(position(n, 220)).scope!.regions.map((r) => r.key)).toContain('algeria');
    const us = position(n, 2).recordedOutsideOptions;
    expect(us.some((o) => o.kind === 'UNILATERAL' && o.sources.length > 0)).toBe(true);
    expect(n.proposals.every((p) => p.plan === null || p.plan.kind === 'PROPOSED')).toBe(true);
  });

  it("British-French-Soviet 1939: passage through Poland and Romania (veto), the Baltic in the Soviet scope, Germany as the USSR's option, taken in August", async () => {
    const n = await negotiation('british-french-soviet-1939');
    expect(n.outcome).toBe('NONAGREEMENT');
    const veto = n.thirdParties
      .filter((t) => t.role === 'VETO')
      .map((t) => t.state.ccode)
      .sort();
    expect(veto).toEqual([290, 360]);
    expect(n.thirdParties.every((t) => t.sources.length > 0)).toBe(true);
    expect(entry(position(n, 365)).scope!.regions.map((r) => r.key)).toContain('baltic');
    expect(n.compatibility.entry.allScopesAgree).toBe(false);
    const germany = position(n, 365).recordedOutsideOptions.find(
      (o) => o.kind === 'ALTERNATIVE_ALLY' && o.ally?.ccode === 255,
    )!;
    expect(germany.realisedIn?.key).toBe('german-soviet-1939');
    expect(germany.sources.length).toBeGreaterThan(0);
    expect(n.proposals.some((p) => p.proposers.length === 2)).toBe(true); // the Anglo-French draft, a joint proposal
  });

  it('Anglo-German 1898–1901: the theatre split (Asia against Europe) and Germany\'s "free hand"', async () => {
    const n = await negotiation('anglo-german-1898');
    expect(n.outcome).toBe('NONAGREEMENT');
    const britain = entry(position(n, 200)).scope!.regions.map((r) => r.key);
    const germany = entry(position(n, 255)).scope!.regions.map((r) => r.key);
    expect(britain).toEqual(expect.arrayContaining(['far-east']));
    expect(germany).toContain('europe');
    expect(n.compatibility.entry.allScopesAgree).toBe(false);
    const freeHand = position(n, 255).recordedOutsideOptions.find((o) => /free hand/i.test(o.evidence))!;
    expect(freeHand.attractiveness).toBe('HIGH');
    expect(freeHand.sources.length).toBeGreaterThan(0);
  });

  it('the German-Soviet pact shows the option it realised', async () => {
    const r = await api.run<{ negotiation: { realisesOutsideOptions: { party: { ccode: number }; kind: string }[] } }>(
      '{ negotiation(id: "german-soviet-1939") { realisesOutsideOptions { party { ccode } kind } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.negotiation.realisesOutsideOptions).toContainEqual({
      party: { ccode: 365 },
      kind: 'ALTERNATIVE_ALLY',
    });
  });

  it('recorded and computed options side by side', async () => {
    const r = await api.run<{
      negotiation: {
        partyPositions: {
          state: { ccode: number };
          optionComparison: {
            kind: string;
            recorded: string;
            recordedValue: number;
            computedValue: number | null;
            agree: boolean;
            note: string;
          }[];
        }[];
      };
    }>(
      '{ negotiation(id: "british-french-soviet-1939") { partyPositions { state { ccode } optionComparison { kind recorded recordedValue computedValue agree note } } } }',
    );
    expect(r.errors).toBeUndefined();
    const soviet = r.data!.negotiation.partyPositions.find((p) => p.state.ccode === 365)!.optionComparison;
    expect(soviet.length).toBeGreaterThan(0);
    for (const c of soviet) {
      expect(c.note).toMatch(/recorded (LOW|MEDIUM|HIGH)/);
      if (c.computedValue !== null) expect(c.agree).toBe(Math.abs(c.recordedValue - c.computedValue) < 0.3);
    }
  });

  it("plans that moved are compared round by round (Reinsurance renewal 1890: Caprivi's new course)", async () => {
    const n = await api.run<{
      negotiation: {
        compatibility: { byRound: { round: number; targetAgreement: number }[] };
        warPlans: { fromRound: number | null; party: { ccode: number } }[];
      };
    }>(
      '{ negotiation(id: "reinsurance-renewal-1890") { compatibility { byRound { round targetAgreement } } warPlans(kind: IDEAL) { fromRound party { ccode } } } }',
    );
    expect(n.errors).toBeUndefined();
    const moved = n.data!.negotiation.warPlans.filter((w) => w.fromRound !== null);
    expect(moved.length).toBeGreaterThan(0);
    expect(n.data!.negotiation.compatibility.byRound.map((r) => r.round)).toEqual(
      [...new Set(moved.map((w) => w.fromRound))].sort(),
    );
  });
});
