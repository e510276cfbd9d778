/**
 * The research traversals through the API, on the curated seed plus the real imported data sets
 * (ATOP, COW, NMC, MID, wars, rivalries ...): the cases the issue names, and properties that must
 * hold for every negotiation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, testLimits, type TestApi } from '../helpers/testApi.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { fileRows, hasSharedData, requireDataOrSkip, sharedDataSkipReason } from '../helpers/sharedData.js';

requireDataOrSkip();

const title = sharedDataSkipReason
  ? `traversals (${sharedDataSkipReason})`
  : 'traversals on the seed and the imported data';

describe.skipIf(!hasSharedData)(title, () => {
  let api: TestApi;
  beforeAll(async () => {
    // A page of 100 negotiations with every party's outside options in full is over MAX_COST (each
    // list costed at what 95% of its parents hold: 4 parties, 49 allies, 30 buck-catchers); these
    // tests are about the analysis on every negotiation, not about the limit.
    api = await createTestApi(await seededAndImported(), { ...testLimits, maxCost: 200_000 });
  }, 120_000);

  type Ally = {
    state: { ccode: number };
    score: number;
    components: Record<string, number | null>;
    reasons: { text: string; sources: { key: string }[] }[];
  };
  const ALLIES = `query ($state: Int!, $negotiation: ID, $at: Date) { alternativeAllies(state: $state, negotiation: $negotiation, at: $at) {
    state { ccode } score components { capability sharedTarget ties concurrentTalks } reasons { text sources { key } } } }`;

  it("Britain's alternative allies during the Anglo-German talks of 1901 include Japan", async () => {
    const { data, errors } = await api.run<{ alternativeAllies: Ally[] }>(ALLIES, {
      state: 200,
      negotiation: 'anglo-german-1898',
      at: '1901-06',
    });
    expect(errors).toBeUndefined();
    const japan = data!.alternativeAllies.find((a) => a.state.ccode === 740);
    expect(japan).toBeDefined();
    expect(japan!.components.concurrentTalks).toBe(1);
    expect(japan!.reasons.some((r) => /Anglo-Japanese/.test(r.text) && r.sources.length > 0)).toBe(true);
    expect(data!.alternativeAllies.map((a) => a.state.ccode)).not.toContain(255);
  });

  it("the Soviet Union's outside options during the 1939 British-French-Soviet talks include Germany", async () => {
    const { data, errors } = await api.run<{
      outsideOptions: {
        overall: number;
        alternativeAllies: { attractiveness: number | null; allies: Ally[] };
        unilateral: { attractiveness: number | null; partyCinc: number | null; majorPower: boolean | null };
      };
    }>(
      `{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall
         alternativeAllies { attractiveness allies { state { ccode } score components { capability sharedTarget ties concurrentTalks } reasons { text sources { key } } } }
         unilateral { attractiveness partyCinc majorPower } buckPassing { attractiveness buckCatchers { state { ccode } cinc } } } }`,
    );
    expect(errors).toBeUndefined();
    const o = data!.outsideOptions;
    const germany = o.alternativeAllies.allies.find((a) => a.state.ccode === 255);
    expect(germany, 'Germany among the alternatives').toBeDefined();
    expect(germany!.components.concurrentTalks).toBe(1);
    expect(o.unilateral.partyCinc).toBeGreaterThan(0);
    expect(o.unilateral.majorPower).toBe(true);
    for (const v of [o.overall, o.alternativeAllies.attractiveness, o.unilateral.attractiveness!]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('the shared targets of the United States and the United Kingdom in January 1949 include the Soviet Union', async () => {
    const { data, errors } = await api.run<{
      sharedTargets: {
        target: { ccode: number };
        strength: number;
        evidence: { holder: number; kind: string; joint: boolean; sources: { key: string }[] }[];
      }[];
    }>(
      '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { target { ccode } strength evidence { holder kind joint sources { key } } } }',
    );
    expect(errors).toBeUndefined();
    const ussr = data!.sharedTargets.find((t) => t.target.ccode === 365);
    expect(ussr).toBeDefined();
    expect(new Set(ussr!.evidence.map((e) => e.holder))).toEqual(new Set([2, 200]));
    expect(ussr!.evidence.some((e) => e.kind === 'WAR_PLAN' && e.joint)).toBe(true);
    for (const e of ussr!.evidence) expect(e.sources.length).toBeGreaterThan(0);
    const strengths = data!.sharedTargets.map((t) => t.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it("Germany (255) is offered as nobody's ally in 1950: it is not in the state system", async () => {
    const germany = await api.run<{ state: { inSystem1950: boolean; inSystem1938: boolean; major1938: boolean } }>(
      '{ state(ccode: 255) { inSystem1950: inSystem(at: "1950-06-01") inSystem1938: inSystem(at: "1938-06-01") major1938: majorPower(at: "1938-06-01") } }',
    );
    expect(germany.data!.state).toEqual({ inSystem1950: false, inSystem1938: true, major1938: true });
    for (const state of [2, 200, 220, 365, 325, 290]) {
      const { data, errors } = await api.run<{ alternativeAllies: Ally[] }>(ALLIES, { state, at: '1950-06-01' });
      expect(errors).toBeUndefined();
      expect(
        data!.alternativeAllies.map((a) => a.state.ccode),
        `allies of ${state}`,
      ).not.toContain(255);
    }
    const lists = await api.run<{
      at: { edges: { node: { ccode: number } }[] };
      during: { edges: { node: { ccode: number } }[] };
      state: { ww2: boolean };
    }>(`{
      at: states(filter: {inSystemAt: "1950-06-01", search: "GFR"}) { edges { node { ccode } } }
      during: states(filter: {inSystemDuring: "early-cold-war", search: "GFR"}) { edges { node { ccode } } }
      state(ccode: 255) { ww2: inSystem(era: "second-world-war") } }`);
    // West Germany (COW 260) entered the system on 5 May 1955: not there in 1950, there during the early Cold War
    expect(lists.data!.at.edges.map((e) => e.node.ccode)).toEqual([]);
    expect(lists.data!.during.edges.map((e) => e.node.ccode)).toEqual([260]);
    expect(lists.data!.state.ww2).toBe(true);
    const network = await api.run<{ allianceNetwork: { nodes: { ccode: number }[] } }>(
      '{ allianceNetwork(at: "1950-06-01") { nodes { ccode } } }',
    );
    expect(network.data!.allianceNetwork.nodes.map((n) => n.ccode)).not.toContain(255);
  });

  it('for every negotiation, no party is its own alternative ally, target or buck-catcher; scores lie in [0, 1]; round trips do not grow', async () => {
    const query = `query ($first: Int, $filter: NegotiationFilter) { negotiations(first: $first, filter: $filter) { totalCount edges { node { key partyPositions { state { ccode } outsideOptions {
      overall complete notCovered targets { ccode } alternativeAllies { attractiveness allies { state { ccode } score } } unilateral { attractiveness } buckPassing { attractiveness buckCatchers { state { ccode } } } } } } } } }`;
    type R = {
      negotiations: {
        totalCount: number;
        edges: {
          node: {
            key: string;
            partyPositions: {
              state: { ccode: number };
              outsideOptions: {
                overall: number | null;
                complete: boolean;
                notCovered: string[];
                targets: { ccode: number }[];
                alternativeAllies: { attractiveness: number; allies: { state: { ccode: number }; score: number }[] };
                unilateral: { attractiveness: number | null };
                buckPassing: { attractiveness: number | null; buckCatchers: { state: { ccode: number } }[] };
              };
            }[];
          };
        }[];
      };
    };
    const five = await api.run<R>(query, { first: 5, filter: { outcome: 'NONAGREEMENT' } });
    const failed = await api.run<R>(query, { first: 100, filter: { outcome: 'NONAGREEMENT' } });
    const all = await api.run<R>(query, { first: 100 });
    expect(all.errors).toBeUndefined();
    const negotiations = all.data!.negotiations.edges.map((e) => e.node);
    expect(negotiations.length).toBe(Math.min(100, all.data!.negotiations.totalCount));
    for (const n of negotiations) {
      const parties = n.partyPositions.map((p) => p.state.ccode);
      for (const {
        state: { ccode },
        outsideOptions: o,
      } of n.partyPositions) {
        const p = { ccode };
        expect(
          o.targets.map((t) => t.ccode),
          `${n.key}: ${p.ccode} targets itself`,
        ).not.toContain(p.ccode);
        const allies = o.alternativeAllies.allies.map((a) => a.state.ccode);
        expect(allies, `${n.key}: ${p.ccode} is its own ally`).not.toContain(p.ccode);
        for (const other of parties)
          expect(allies, `${n.key}: partner ${other} offered as alternative`).not.toContain(other);
        expect(o.buckPassing.buckCatchers.map((b) => b.state.ccode)).not.toContain(p.ccode);
        // A figure is null only where a data set behind it does not cover the date (a start before
        // COW's 1816, say), and then the options say which.
        for (const v of [
          o.overall,
          o.alternativeAllies.attractiveness,
          o.buckPassing.attractiveness,
          o.unilateral.attractiveness ?? 0, // null also when no target is named
          ...o.alternativeAllies.allies.map((a) => a.score),
        ]) {
          if (v === null) {
            expect(o.complete, `${n.key}: ${p.ccode} has a null figure but claims full coverage`).toBe(false);
            expect(o.notCovered.length).toBeGreaterThan(0);
            continue;
          }
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        if (o.complete) expect(o.overall, `${n.key}: ${p.ccode} complete but no overall`).not.toBeNull();
      }
    }
    console.log(
      `outsideOptions on every party: round trips for 5 failed negotiations ${five.roundTrips}, for all ${failed.data!.negotiations.edges.length} failed ${failed.roundTrips}, for the first ${negotiations.length} of all ${all.roundTrips}`,
    );
    // Each query of the pipeline once, whatever the number of parties: the holder-anchored evidence reads
    // (6) appear when some party's plan names no target (its own evidence is read), which five parties
    // may not include; with the page, the parties, the plans and their posers, the 18 reads of the
    // outside options (src/reads/optionInputs.ts) and the state loader at each level it is asked at
    // (the parties, their allies, the buck-catchers, the targets' names), at most 30.
    expect(five.roundTrips).toBeLessThanOrEqual(30);
    expect(failed.roundTrips).toBeLessThanOrEqual(30);
    expect(all.roundTrips).toBeLessThanOrEqual(30);
    expect(all.roundTrips).toBeLessThanOrEqual(failed.roundTrips + 3);
  });

  it('the alliance network of 28 June 1914: COW system members, CINC, majors, and Germany–Austria-Hungary defense tie', async () => {
    const { data } = await api.run<{
      allianceNetwork: {
        nodes: { ccode: number; cinc: number | null; majorPower: boolean }[];
        edges: { source: number; target: number; obligation: string; atopIds: number[] }[];
      };
    }>(
      '{ allianceNetwork(at: "1914-06-28") { nodes { ccode cinc majorPower } edges { source target obligation atopIds } } }',
    );
    const members = cowMembersAt('1914-06-28');
    expect(new Set(data!.allianceNetwork.nodes.map((n) => n.ccode))).toEqual(members);
    const gmyAuh = data!.allianceNetwork.edges.find((e) => e.source === 255 && e.target === 300);
    expect(gmyAuh).toMatchObject({ obligation: 'DEFENSE' });
    expect(gmyAuh!.atopIds).toContain(1335);
    expect(
      data!.allianceNetwork.nodes
        .filter((n) => n.majorPower)
        .map((n) => n.ccode)
        .sort((a, b) => a - b),
    ).toEqual([2, 200, 220, 255, 300, 325, 365, 740]);
    expect(data!.allianceNetwork.nodes.find((n) => n.ccode === 255)!.cinc).toBeCloseTo(nmcCinc(255, 1914), 10);
  });

  it('alliancePath follows ties in force at the date', async () => {
    const direct = await api.run<{ alliancePath: { length: number; states: number[] } }>(
      '{ alliancePath(from: 255, to: 300, at: "1914-06-28") { length states } }',
    );
    expect(direct.data!.alliancePath).toEqual({ length: 1, states: [255, 300] });
    const { data } = await api.run<{
      alliancePath: { length: number; states: number[]; ties: { source: number; target: number }[] } | null;
      allianceNetwork: { edges: { source: number; target: number }[] };
    }>(
      '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { length states ties { source target } } allianceNetwork(at: "1914-06-28") { edges { source target } } }',
    );
    const path = data!.alliancePath!;
    expect(path.states[0]).toBe(740);
    expect(path.states.at(-1)).toBe(220);
    const edgeSet = new Set(data!.allianceNetwork.edges.map((e) => `${e.source}-${e.target}`));
    for (let i = 1; i < path.states.length; i++) {
      const [a, b] = [path.states[i - 1]!, path.states[i]!].sort((x, y) => x - y);
      expect(edgeSet.has(`${a}-${b}`)).toBe(true);
    }
    expect(edgeSet.has('220-740')).toBe(path.length === 1);
  });

  it('portfolio similarity and capability ratio', async () => {
    const { data, errors } = await api.run<{
      ally: { value: number };
      rival: { value: number };
      tau: { value: number };
      cap: { cincA: number; cincB: number; ratio: number; shareA: number };
    }>(`{
      ally: portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value }
      rival: portfolioSimilarity(stateA: 255, stateB: 220, year: 1914) { value }
      tau: portfolioSimilarity(stateA: 255, stateB: 300, year: 1914, measure: TAU_B) { value }
      cap: capabilityRatio(stateA: 255, stateB: 365, year: 1914) { cincA cincB ratio shareA } }`);
    expect(errors).toBeUndefined();
    expect(data!.ally.value).toBeGreaterThan(data!.rival.value);
    for (const v of [data!.ally.value, data!.rival.value, data!.tau.value]) {
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(data!.cap.cincA).toBeCloseTo(nmcCinc(255, 1914), 10);
    expect(data!.cap.cincB).toBeCloseTo(nmcCinc(365, 1914), 10);
    expect(data!.cap.ratio).toBeCloseTo(nmcCinc(255, 1914) / nmcCinc(365, 1914), 10);
  });
});

/** COW system members at a date, read straight from cow_states.csv. */
function cowMembersAt(iso: string): Set<number> {
  const day = (y: string, m: string, d: string) => `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return new Set(
    fileRows('cow-states/cow_states.csv')
      .filter((r) => day(r.styear!, r.stmonth!, r.stday!) <= iso && iso <= day(r.endyear!, r.endmonth!, r.endday!))
      .map((r) => Number(r.ccode)),
  );
}

function nmcCinc(ccode: number, year: number): number {
  return Number(
    fileRows('cow-nmc-6.0/NMC-60-abridged.csv').find((r) => Number(r.ccode) === ccode && Number(r.year) === year)!.cinc,
  );
}
