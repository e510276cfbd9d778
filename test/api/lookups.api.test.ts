/** API-level tests of the other root fields: states, treaties, threats, eras, node. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi, type TestApi } from '../helpers/testApi.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(await seededEmbedded());
});

describe('states', () => {
  it('state by ccode, abbreviation or global id is the same state', async () => {
    const { data, errors } = await api.run<Record<string, { id: string; ccode: number; name: string }>>(
      '{ a: state(ccode: 365) { id ccode name } b: state(abbrev: "rus") { id ccode name } c: state(id: "State:365") { id ccode name } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.a).toEqual(data!.b);
    expect(data!.a).toEqual(data!.c);
    expect(data!.a!.id).toBe('State:365');
  });

  it("a state's negotiations, treaties at a date and sources", async () => {
    const { data } = await api.run<{
      state: {
        negotiations: { key: string }[];
        treaties: { treaty: { atopId: number } }[];
        before: unknown[];
        sources: unknown[];
      };
    }>(
      '{ state(ccode: 2) { negotiations { key } treaties(at: "1950") { treaty { atopId } } before: treaties(at: "1948-12-31") { entry } sources { source { key } } } }',
    );
    expect(data!.state.negotiations.map((n) => n.key)).toContain('north-atlantic-1948');
    expect(data!.state.treaties.map((t) => t.treaty.atopId)).toContain(3180);
    // Before NATO: the Rio treaty (signed 2 September 1947) is in force, the North Atlantic Treaty is not.
    const before = (data!.state.before as { entry: string }[]).map((t) => t.entry);
    expect(before).toContain('1947-09-02');
    expect(before.every((d) => d < '1949-04-04')).toBe(true);
    expect(data!.state.sources.length).toBeGreaterThan(0);
  });

  it('states are a connection searchable by name', async () => {
    const { data } = await api.run<{ states: { totalCount: number; edges: { node: { ccode: number } }[] } }>(
      '{ states(filter: {search: "France"}) { totalCount edges { node { ccode } } } }',
    );
    expect(data!.states.edges.map((e) => e.node.ccode)).toEqual([220]);
    expect(data!.states.totalCount).toBe(1);
  });
});

describe('time travel by era', () => {
  it('takes an era instead of a date: at some time during it', async () => {
    const { data, errors } = await api.run<{
      state: { coldWar: { treaty: { atopId: number } }[]; nineteenth: unknown[] };
      treaties: { edges: { node: { atopId: number } }[] };
    }>(`{
      state(ccode: 2) { coldWar: treaties(era: "early-cold-war") { treaty { atopId } } nineteenth: treaties(era: "Era:bismarckian-system") { entry } }
      treaties(filter: {member: 200, activeDuring: "interwar"}, first: 100) { edges { node { atopId } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.state.coldWar.map((t) => t.treaty.atopId)).toContain(3180);
    expect(data!.state.nineteenth).toEqual([]);
    expect(data!.treaties.edges.map((e) => e.node.atopId)).toContain(2440);
  });

  it('the eras after 1945, each with its dates and sources, and the era filters on them (issue #24)', async () => {
    const { data, errors } = await api.run<{
      eras: { key: string; start: string; end: string; sources: { source: { key: string } }[] }[];
      state: { detente: { treaty: { atopId: number } }[]; inSystem: boolean };
      treaties: { edges: { node: { atopId: number } }[] };
    }>(`{
      eras { key start end sources { source { key } } }
      state(ccode: 2) { detente: treaties(era: "crises-and-detente") { treaty { atopId } } inSystem(era: "after-the-cold-war") }
      treaties(filter: {member: 200, activeDuring: "late-cold-war"}, first: 100) { edges { node { atopId } } } }`);
    expect(errors).toBeUndefined();
    const after1945 = data!.eras.filter((e) => e.start > '1945-09-02');
    expect(after1945.map((e) => [e.key, e.start, e.end])).toEqual([
      ['early-cold-war', '1945-09-03', '1962-12-31'],
      ['crises-and-detente', '1963-01-01', '1979-12-31'],
      ['late-cold-war', '1980-01-01', '1991-12-31'],
      ['after-the-cold-war', '1992-01-01', '2018-12-31'],
    ]);
    // One after the other, without a gap or an overlap, each with a source for its periodisation.
    after1945.slice(1).forEach((e, i) => expect(e.start > after1945[i]!.end).toBe(true));
    for (const e of after1945) expect(e.sources.length, e.key).toBeGreaterThan(0);
    expect(after1945[1]!.sources.map((c) => c.source.key)).toContain('leffler-westad-2010-crises');
    // The era filters read the eras' dates: NATO (ATOP 3180) is in force in both.
    expect(data!.state.detente.map((t) => t.treaty.atopId)).toContain(3180);
    expect(data!.treaties.edges.map((e) => e.node.atopId)).toContain(3180);
  });

  it('refuses an unknown era, or a date and an era together', async () => {
    const unknown = await api.run('{ state(ccode: 2) { treaties(era: "belle-epoque") { entry } } }');
    expect(unknown.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Unknown era "belle-epoque"/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const both = await api.run('{ treaties(filter: {activeAt: "1914", activeDuring: "interwar"}) { totalCount } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const neither = await api.run('{ state(ccode: 2) { inSystem } }');
    expect(neither.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('treaties', () => {
  it('treaty(atopId: 3180) is the North Atlantic Treaty with its negotiation, era, threat and members', async () => {
    const { data, errors } = await api.run<{
      treaty: {
        signed: string;
        obligations: string[];
        members: { state: { ccode: number } }[];
        negotiation: { key: string };
        era: { key: string };
        directedAgainst: { posedBy: { ccode: number }[] }[];
      };
    }>(
      '{ treaty(atopId: 3180) { signed obligations members { state { ccode } } negotiation { key } era { key } directedAgainst { posedBy { ccode } } sources { source { key } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.treaty).toMatchObject({
      signed: '1949-04-04',
      negotiation: { key: 'north-atlantic-1948' },
      era: { key: 'early-cold-war' },
    });
    expect(data!.treaty.obligations).toContain('DEFENSE');
    expect(data!.treaty.members.map((m) => m.state.ccode)).toEqual(expect.arrayContaining([2, 200, 220]));
    expect(data!.treaty.directedAgainst.flatMap((t) => t.posedBy.map((s) => s.ccode))).toContain(365);
  });

  it('treaties in force at a date for a member', async () => {
    const { data } = await api.run<{ treaties: { edges: { node: { atopId: number } }[] } }>(
      '{ treaties(filter: {member: 200, activeAt: "1949-06"}) { edges { node { atopId } } } }',
    );
    expect(data!.treaties.edges.map((e) => e.node.atopId)).toContain(3180);
    await expect(api.run('{ treaty(atopId: 1) { name } }').then((r) => r.errors?.[0]?.extensions?.code)).resolves.toBe(
      'NOT_FOUND',
    );
  });
});

describe('threats and eras', () => {
  it('threats posed by the USSR, with who perceived them and when', async () => {
    const { data, errors } = await api.run<{
      threats: {
        edges: {
          node: { key: string; perceivedBy: { state: { ccode: number }; from: string; sources: unknown[] }[] };
        }[];
      };
    }>(
      '{ threats(filter: {posedBy: 365}) { edges { node { key posedBy { ccode } perceivedBy { state { ccode } threat { key } from to sources { source { key } } } sources { source { key } } } } } }',
    );
    expect(errors).toBeUndefined();
    const perceptions = data!.threats.edges.flatMap((e) => e.node.perceivedBy);
    expect(perceptions.length).toBeGreaterThan(0);
    for (const p of perceptions) expect(p.sources.length).toBeGreaterThan(0);
    const threat = await api.run<{ threat: { key: string } }>(
      `{ threat(id: "${data!.threats.edges[0]!.node.key}") { key } }`,
    );
    expect(threat.data!.threat.key).toBe(data!.threats.edges[0]!.node.key);
  });

  it('eras in order, each with its negotiations', async () => {
    const { data } = await api.run<{ eras: { key: string; start: string; negotiations: { key: string }[] }[] }>(
      '{ eras { key start negotiations { key } sources { source { key } } } }',
    );
    expect(data!.eras.map((e) => e.start)).toEqual([...data!.eras.map((e) => e.start)].sort());
    expect(data!.eras.find((e) => e.key === 'interwar')!.negotiations.map((n) => n.key)).toContain(
      'british-french-soviet-1939',
    );
    expect((await api.run<{ era: { key: string } }>('{ era(id: "Era:interwar") { key } }')).data!.era.key).toBe(
      'interwar',
    );
  });

  it('node(id) resolves every kind of global id', async () => {
    const ids = (
      await api.run<{
        negotiation: {
          id: string;
          rounds: { id: string }[];
          proposals: { id: string }[];
          warPlans: { id: string; target: { id: string } }[];
          era: { id: string };
          sources: { source: { id: string } }[];
        };
      }>(
        '{ negotiation(id: "anglo-german-1898") { id rounds { id } proposals { id } warPlans { id target { id } } era { id } sources { source { id } } } }',
      )
    ).data!.negotiation;
    const wanted = [
      ids.id,
      ids.rounds[0]!.id,
      ids.proposals[0]!.id,
      ids.warPlans[0]!.id,
      ids.warPlans[0]!.target.id,
      ids.era.id,
      ids.sources[0]!.source.id,
      'State:200',
    ];
    for (const id of wanted) {
      const { data } = await api.run<{ node: { id: string; __typename: string } | null }>(
        `{ node(id: "${id}") { id __typename } }`,
      );
      expect(data!.node?.id).toBe(id);
      expect(id.startsWith(`${data!.node!.__typename}:`)).toBe(true);
    }
    expect((await api.run<{ node: null }>('{ node(id: "Treaty:none") { id } }')).data!.node).toBeNull();
  });
});
