/**
 * Cypher-level tests: each read query of cypher/ run by name on the embedded store holding the
 * curated seed, with assertions on what it returns for the canonical cases of the domain primer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import type { QueryHandle } from '../../src/store/QueryHandle.js';
import { emptyGrafeo, seededEmbedded } from '../helpers/testStore.js';
import * as q from '../../src/store/queries.gen.js';

let ex: QueryExecutor;
let natoId: string;
const AG = 'anglo-german-1898';
const BFS = 'british-french-soviet-1939';
const NAT = 'north-atlantic-1948';
const nodes = <N>(rows: { node: N }[]) => rows.map((r) => r.node);

beforeAll(async () => {
  ex = await seededEmbedded();
  const [row] = await ex.read(q.treatyIdByAtopId, { atopId: 3180 });
  natoId = row!.id;
});

describe('states', () => {
  it('statesByCcodes returns the known ccodes only', async () => {
    const rows = await ex.read(q.statesByCcodes, { ccodes: [200, 365, 9999] });
    expect(rows.map((r) => r.ccode).sort()).toEqual([200, 365]);
    expect(rows.find((r) => r.ccode === 200)).toMatchObject({ abbrev: 'UKG', name: 'United Kingdom' });
  });
  it('stateByAbbrev finds a state by COW abbreviation', async () => {
    expect(await ex.read(q.stateByAbbrev, { abbrev: 'RUS' })).toEqual([expect.objectContaining({ ccode: 365 })]);
  });
  it('statesPage pages in ccode order and searches names', async () => {
    const [all] = await ex.read(q.statesPage, {
      search: null,
      inSystemFrom: null,
      inSystemTo: null,
      skip: 0,
      first: 3,
    });
    expect(all!.page.map((s) => s.ccode)).toEqual([...all!.page.map((s) => s.ccode as number)].sort((a, b) => a - b));
    expect(all!.page).toHaveLength(3);
    const [found] = await ex.read(q.statesPage, {
      search: 'kingdom',
      inSystemFrom: null,
      inSystemTo: null,
      skip: 0,
      first: 10,
    });
    expect(found!.page.map((s) => s.ccode)).toContain(200);
    const [next] = await ex.read(q.statesPage, {
      search: null,
      inSystemFrom: null,
      inSystemTo: null,
      skip: 3,
      first: 3,
    });
    expect(next!.total).toBe(all!.total);
    expect(next!.page[0]!.ccode).toBeGreaterThan(all!.page[2]!.ccode as number);
  });
  it("negotiationsOfStates lists a state's negotiations in order", async () => {
    const rows = nodes(await ex.read(q.negotiationsOfStates, { ccodes: [365] }));
    expect(rows.map((n) => n.id)).toContain(BFS);
  });
  it('treatiesOfStates lists memberships with entry dates', async () => {
    const rows = nodes(await ex.read(q.treatiesOfStates, { ccodes: [2] }));
    expect(rows).toContainEqual(expect.objectContaining({ treaty: natoId, entry: expect.stringMatching(/^1949-/) }));
  });
  it('threatsPerceivedByStates gives periods', async () => {
    const rows = nodes(await ex.read(q.threatsPerceivedByStates, { ccodes: [200] }));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('negotiations', () => {
  it('negotiationsByIds returns dates as ISO strings and the outcome', async () => {
    const rows = await ex.read(q.negotiationsByIds, { ids: [AG, NAT, 'no-such-negotiation'] });
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === AG)).toMatchObject({
      outcome: 'NONAGREEMENT',
      start: expect.stringMatching(/^1898-/),
      end: expect.stringMatching(/^1901-/),
    });
    expect(rows.find((r) => r.id === NAT)).toMatchObject({ outcome: 'AGREEMENT', end: '1949-04-04' });
  });
  it('negotiationsPage filters by outcome, party, era and overlapping dates', async () => {
    const page = async (p: Record<string, unknown>) =>
      (
        await ex.read(q.negotiationsPage, {
          outcome: null,
          party: null,
          era: null,
          from: null,
          to: null,
          skip: 0,
          first: 100,
          texts: false,
          parties: false,
          treaty: false,
          ...p,
        })
      ).map((r) => ({ total: r.total, page: r.page.map((n) => n.id) }))[0]!;
    const all = await page({});
    const failed = await page({ outcome: 'NONAGREEMENT' });
    const agreed = await page({ outcome: 'AGREEMENT' });
    const signedOnly = await page({ outcome: 'SIGNED_NOT_IN_FORCE' });
    expect(failed.total + agreed.total + signedOnly.total).toBe(all.total);
    expect(failed.page).toContain(AG);
    expect(failed.page).not.toContain(NAT);
    expect((await page({ party: 365 })).page).toContain(BFS);
    expect((await page({ party: 2 })).page).not.toContain(AG);
    const in1939 = await page({ from: '1939-06-01', to: '1939-06-30' });
    expect(in1939.page).toContain(BFS);
    expect(in1939.page).not.toContain(NAT);
    expect((await page({ era: 'interwar' })).page).toContain(BFS);
  });
  it('negotiationsPage holds the long texts only when asked ($texts)', async () => {
    const read = async (texts: boolean) =>
      (
        await ex.read(q.negotiationsPage, {
          outcome: 'NONAGREEMENT',
          party: null,
          era: null,
          from: null,
          to: null,
          skip: 0,
          first: 100,
          texts,
          parties: false,
          treaty: false,
        })
      )[0]!.page.find((n) => n.id === AG)!;
    const [whole] = await ex.read(q.negotiationsByIds, { ids: [AG] });
    const none = { parties: null, treaty: null };
    expect(await read(true)).toEqual({ ...whole, ...none });
    expect(await read(false)).toEqual({ ...whole, summary: null, notes: null, ...none });
  });
  it("negotiationsPage holds each node's parties and treaty when asked, the rows of their own queries", async () => {
    const [row] = await ex.read(q.negotiationsPage, {
      outcome: null,
      party: null,
      era: null,
      from: null,
      to: null,
      skip: 0,
      first: 100,
      texts: false,
      parties: true,
      treaty: true,
    });
    const ids = row!.page.map((n) => n.id);
    const parties = await ex.read(q.partiesOfNegotiations, { ids });
    const treaties = await ex.read(q.treatiesOfNegotiations, { ids });
    const byCcode = (a: { ccode: number }, b: { ccode: number }) => a.ccode - b.ccode;
    for (const n of row!.page) {
      expect([...n.parties!].sort(byCcode)).toEqual(parties.filter((r) => r.id === n.id).map((r) => r.node));
      expect(n.treaty).toEqual(treaties.filter((r) => r.id === n.id).map((r) => r.node));
    }
    expect(row!.page.some((n) => n.treaty!.length === 1)).toBe(true);
    expect(row!.page.some((n) => n.parties!.length > 2)).toBe(true);
  });
  it('negotiationsWithRelations gives the negotiations with the rows of their relation queries, as asked', async () => {
    const ids = [AG, BFS, NAT, 'no-such-negotiation'];
    const rows = await ex.read(q.negotiationsWithRelations, { ids, parties: true, rounds: true, proposals: true });
    expect(rows.map((r) => r.id).sort()).toEqual([AG, BFS, NAT].sort());
    const whole = await ex.read(q.negotiationsByIds, { ids });
    const of = async <R extends { id: string; node: unknown }>(read: Promise<R[]>, id: string) =>
      (await read).filter((r) => r.id === id).map((r) => r.node);
    for (const row of rows) {
      const { parties, rounds, proposals, ...node } = row;
      expect(node).toEqual(whole.find((w) => w.id === row.id));
      expect(parties).toEqual(await of(ex.read(q.partiesOfNegotiations, { ids: [row.id] }), row.id));
      expect(rounds).toEqual(await of(ex.read(q.roundsOfNegotiations, { ids: [row.id] }), row.id));
      expect(proposals).toEqual(await of(ex.read(q.proposalsOfNegotiations, { ids: [row.id] }), row.id));
    }
    expect(rows.every((r) => r.parties.length > 1 && r.proposals.length > 0)).toBe(true);
    const bare = await ex.read(q.negotiationsWithRelations, { ids, parties: false, rounds: false, proposals: false });
    expect(bare.every((r) => !r.parties.length && !r.rounds.length && !r.proposals.length)).toBe(true);
  });
  it("negotiationsOfPartyPage gives negotiationsPage's page for every party and filter", async () => {
    const states = (
      await ex.read(q.statesPage, { search: null, inSystemFrom: null, inSystemTo: null, skip: 0, first: 1000 })
    )[0]!.page;
    const filters = [
      {
        outcome: null,
        era: null,
        from: null,
        to: null,
        skip: 0,
        first: 1000,
        texts: true,
        parties: false,
        treaty: false,
      },
      {
        outcome: 'NONAGREEMENT',
        era: 'interwar',
        from: '1936-01-01',
        to: '1939-12-31',
        skip: 1,
        first: 2,
        texts: false,
        parties: false,
        treaty: false,
      },
    ];
    let compared = 0;
    for (const s of states)
      for (const f of filters) {
        const general = await ex.read(q.negotiationsPage, { ...f, party: s.ccode });
        const anchored = await ex.read(q.negotiationsOfPartyPage, { ...f, party: s.ccode });
        expect(anchored, `party ${s.ccode} ${JSON.stringify(f)}`).toEqual(general);
        compared += general[0]!.total;
      }
    expect(compared).toBeGreaterThan(50);
  });
  it('partiesOfNegotiations gives each negotiation its parties', async () => {
    const rows = await ex.read(q.partiesOfNegotiations, { ids: [AG, BFS] });
    const parties = (id: string) => rows.filter((r) => r.id === id).map((r) => r.node.ccode);
    expect(parties(AG)).toEqual([200, 255]);
    expect(parties(BFS)).toEqual([200, 220, 365]);
  });
  it('roundsOfNegotiations returns rounds in sequence inside the negotiation', async () => {
    const rows = nodes(await ex.read(q.roundsOfNegotiations, { ids: [BFS] }));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.sequence)).toEqual([...rows.map((r) => r.sequence as number)].sort((a, b) => a - b));
    for (const r of rows) expect((r.start as string) >= '1939-01-01' && (r.start as string) <= '1939-08-31').toBe(true);
  });
  it('proposalsOfNegotiations names proposer and addressees', async () => {
    const rows = nodes(await ex.read(q.proposalsOfNegotiations, { ids: [AG] }));
    expect(rows.length).toBeGreaterThan(0);
    for (const p of rows) {
      expect((p.by as number[]).length).toBeGreaterThan(0);
      for (const by of p.by as number[]) expect([200, 255]).toContain(by);
      expect((p.to as number[]).length).toBeGreaterThan(0);
    }
  });
  it('warPlansOfNegotiations gives each party an ideal plan with target and approach', async () => {
    const rows = nodes(await ex.read(q.warPlansOfNegotiations, { ids: [NAT] }));
    const ideal = rows.filter((w) => w.kind === 'IDEAL');
    expect(new Set(ideal.map((w) => w.party)).size).toBeGreaterThanOrEqual(2);
    for (const w of ideal) expect(w).toMatchObject({ approach: 'DEFENSIVE', target: expect.any(String) });
  });
  it('treatiesOfNegotiations: the North Atlantic talks produced ATOP 3180, the Anglo-German talks nothing', async () => {
    const rows = await ex.read(q.treatiesOfNegotiations, { ids: [NAT, AG] });
    expect(rows).toEqual([{ id: NAT, node: expect.objectContaining({ atopId: 3180, signed: '1949-04-04' }) }]);
  });
  it('erasOfNegotiations places each negotiation in its era', async () => {
    const rows = await ex.read(q.erasOfNegotiations, { ids: [AG, BFS] });
    expect(rows.find((r) => r.id === BFS)!.node.id).toBe('interwar');
  });
  it('countNegotiations counts the seed', async () => {
    const [row] = await ex.read(q.countNegotiations);
    expect(row!.negotiations).toBeGreaterThanOrEqual(3);
  });
});

describe('treaties', () => {
  it('treatyIdByAtopId finds the curated North Atlantic Treaty by ATOP id', async () => {
    expect(natoId).toBeTruthy();
    expect(await ex.read(q.treatyIdByAtopId, { atopId: 999999 })).toEqual([]);
  });
  it('treatiesByIds returns dates and obligations', async () => {
    const [t] = await ex.read(q.treatiesByIds, { ids: [natoId] });
    expect(t).toMatchObject({ atopId: 3180, signed: '1949-04-04' });
    expect(t!.obligations).toContain('DEFENSE');
  });
  it('treatiesPage filters by member, date in force and obligation', async () => {
    const page = async (p: Record<string, unknown>) =>
      (
        await ex.read(q.treatiesPage, {
          member: null,
          activeFrom: null,
          activeTo: null,
          obligation: null,
          skip: 0,
          first: 100,
          members: false,
          ...p,
        })
      ).map((r) => ({ total: r.total, page: r.page.map((n) => n.id) }))[0]!;
    expect((await page({ member: 2, activeFrom: '1950-01-01', activeTo: '1950-01-01' })).page).toContain(natoId);
    expect((await page({ member: 2, activeFrom: '1945-01-01', activeTo: '1949-12-31' })).page).toContain(natoId);
    expect((await page({ member: 2, activeFrom: '1948-01-01', activeTo: '1948-01-01' })).page).not.toContain(natoId);
    expect((await page({ member: 2, obligation: 'DEFENSE' })).page).toContain(natoId);
    expect((await page({ member: 2, obligation: 'NEUTRALITY' })).page).not.toContain(natoId);
  });
  it("treatiesPage holds each treaty's memberships when asked, the rows of membersOfTreaties", async () => {
    const read = async (members: boolean, skip = 0) =>
      (
        await ex.read(q.treatiesPage, {
          member: null,
          activeFrom: null,
          activeTo: null,
          obligation: null,
          skip,
          first: 100,
          members,
        })
      )[0]!;
    const page = await read(true);
    const rows = await ex.read(q.membersOfTreaties, { ids: page.page.map((t) => t.id) });
    const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
    for (const t of page.page)
      expect(sorted(t.members!)).toEqual(sorted(rows.filter((r) => r.id === t.id).map((r) => r.node)));
    expect(page.page.some((t) => t.members!.length > 2)).toBe(true);
    expect((await read(false)).page.every((t) => t.members === null)).toBe(true);
    // Past the last page: no item, the total all the same.
    expect(await read(true, page.total)).toEqual({ total: page.total, page: [] });
  });
  it("treatiesOfMemberPage gives treatiesPage's page for every member and filter", async () => {
    const states = (
      await ex.read(q.statesPage, { search: null, inSystemFrom: null, inSystemTo: null, skip: 0, first: 1000 })
    )[0]!.page;
    const filters = [
      { activeFrom: null, activeTo: null, obligation: null, skip: 0, first: 1000, members: false },
      { activeFrom: '1914-06-28', activeTo: '1914-06-28', obligation: 'DEFENSE', skip: 1, first: 2, members: false },
    ];
    let compared = 0;
    for (const s of states)
      for (const f of filters) {
        const general = await ex.read(q.treatiesPage, { ...f, member: s.ccode });
        const anchored = await ex.read(q.treatiesOfMemberPage, { ...f, member: s.ccode });
        expect(anchored, `member ${s.ccode} ${JSON.stringify(f)}`).toEqual(general);
        compared += general[0]!.total;
      }
    expect(compared).toBeGreaterThan(20);
  });
  it('membersOfTreaties lists the United States, United Kingdom and France for NATO', async () => {
    const members = nodes(await ex.read(q.membersOfTreaties, { ids: [natoId] })).map((m) => m.ccode);
    expect(members).toEqual(expect.arrayContaining([2, 200, 220]));
  });
  it('threatsOfTreaties and posersOfThreats: NATO is directed against a threat posed by the USSR', async () => {
    const threats = nodes(await ex.read(q.threatsOfTreaties, { ids: [natoId] }));
    expect(threats.length).toBeGreaterThan(0);
    const posers = nodes(await ex.read(q.posersOfThreats, { ids: threats.map((t) => t.id) })).map((s) => s.ccode);
    expect(posers).toContain(365);
  });
  it('erasOfTreaties and negotiationsOfTreaties link back', async () => {
    expect(nodes(await ex.read(q.erasOfTreaties, { ids: [natoId] }))[0]!.id).toBe('early-cold-war');
    expect(nodes(await ex.read(q.negotiationsOfTreaties, { ids: [natoId] }))[0]!.id).toBe(NAT);
  });
});

describe('threats, eras, sources, node lookups', () => {
  it('threatsPage lists threats posed by a state', async () => {
    const [p] = await ex.read(q.threatsPage, { posedBy: 365, skip: 0, first: 50 });
    expect(p!.total).toBeGreaterThan(0);
    const threats = await ex.read(q.threatsByIds, { ids: p!.page });
    expect(threats).toHaveLength(p!.page.length);
  });
  it('perceptionsOfThreats gives who perceived a threat, with sources', async () => {
    const [p] = await ex.read(q.threatsPage, { posedBy: 365, skip: 0, first: 50 });
    const rows = nodes(await ex.read(q.perceptionsOfThreats, { ids: p!.page }));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect((r.sources as string[]).length).toBeGreaterThan(0);
  });
  it('erasAll is chronological and erasByIds / negotiationsOfEras agree', async () => {
    const eras = await ex.read(q.erasAll);
    expect(eras.map((e) => e.start)).toEqual([...eras.map((e) => e.start as string)].sort());
    expect(await ex.read(q.erasByIds, { ids: ['interwar'] })).toEqual([expect.objectContaining({ id: 'interwar' })]);
    expect(nodes(await ex.read(q.negotiationsOfEras, { ids: ['interwar'] })).map((n) => n.id)).toContain(BFS);
  });
  it('roundsByIds, proposalsByIds, warPlansByIds look up by id', async () => {
    const rounds = nodes(await ex.read(q.roundsOfNegotiations, { ids: [AG] }));
    expect(await ex.read(q.roundsByIds, { ids: rounds.map((r) => r.id) })).toHaveLength(rounds.length);
    const proposals = nodes(await ex.read(q.proposalsOfNegotiations, { ids: [AG] }));
    const byId = (rows: { id: string; by: number[] }[]) => rows.map((p) => `${p.id}:${p.by}`).sort();
    expect(byId(await ex.read(q.proposalsByIds, { ids: proposals.map((p) => p.id) }))).toEqual(byId(proposals));
    const plans = nodes(await ex.read(q.warPlansOfNegotiations, { ids: [AG] }));
    expect((await ex.read(q.warPlansByIds, { ids: plans.map((p) => p.id) })).map((p) => p.target).sort()).toEqual(
      plans.map((p) => p.target).sort(),
    );
  });
  it('every kind of fact node cites at least one source', async () => {
    const rounds = nodes(await ex.read(q.roundsOfNegotiations, { ids: [AG] })).map((r) => r.id);
    const proposals = nodes(await ex.read(q.proposalsOfNegotiations, { ids: [AG] })).map((r) => r.id);
    const plans = nodes(await ex.read(q.warPlansOfNegotiations, { ids: [AG] })).map((r) => r.id);
    const threats = nodes(await ex.read(q.threatsOfTreaties, { ids: [natoId] })).map((r) => r.id);
    const cites = async <K>(query: QueryHandle<{ ids: K[] }, { id: K; node: unknown }>, ids: K[]) => {
      const rows = await ex.read(query, { ids });
      for (const id of ids)
        expect(
          rows.some((r) => r.id === id),
          `${query.name}: ${String(id)} has no source`,
        ).toBe(true);
      for (const r of rows)
        expect(r.node).toMatchObject({ key: expect.any(String), title: expect.any(String), year: expect.any(Number) });
    };
    await cites(q.sourcesOfStates, [200, 255]);
    await cites(q.sourcesOfNegotiations, [AG, BFS, NAT]);
    await cites(q.sourcesOfRounds, rounds);
    await cites(q.sourcesOfProposals, proposals);
    await cites(q.sourcesOfWarPlans, plans);
    await cites(q.sourcesOfTreaties, [natoId]);
    await cites(q.sourcesOfThreats, threats);
    await cites(q.sourcesOfEras, ['interwar']);
  });
  it('sourcesByKeys returns formatted citations', async () => {
    const [row] = await ex.read(q.sourcesOfNegotiations, { ids: [AG] });
    const [s] = await ex.read(q.sourcesByKeys, { keys: [row!.node.key] });
    expect(s!.citation).toMatch(/\(\d{4}\)/);
  });
});

describe('data version', () => {
  it('dataVersion counts the writing transactions: 0 on an empty graph, one more after each transaction', async () => {
    const empty = await emptyGrafeo();
    expect(await empty.read(q.dataVersion, {})).toEqual([{ version: 0 }]);
    await empty.transaction('test', async () => undefined);
    await empty.transaction('test', async () => undefined);
    expect(await empty.read(q.dataVersion, {})).toEqual([{ version: 2 }]);
    // The seed writes in transactions, each bumping the version: the seeded graph is past 0.
    const [seeded] = await ex.read(q.dataVersion, {});
    expect(seeded!.version).toBeGreaterThan(0);
  });
});
