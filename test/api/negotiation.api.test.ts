/** API-level tests: the negotiation fields through the server in-process, on the curated seed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi, type TestApi } from '../helpers/testApi.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(await seededEmbedded());
});

const DETAIL = /* GraphQL */ `
  query ($id: ID!) {
    negotiation(id: $id) {
      id
      key
      name
      start
      end
      outcome
      parties {
        ccode
        abbrev
      }
      rounds {
        sequence
        start
        place
        negotiators
        sources {
          pages
          source {
            key
          }
        }
      }
      proposals {
        date
        obligations
        response
        proposer {
          ccode
        }
        addressees {
          ccode
        }
        round {
          sequence
        }
        sources {
          source {
            key
          }
        }
      }
      warPlans(kind: IDEAL) {
        approach
        justification
        party {
          ccode
        }
        target {
          key
          posedBy {
            ccode
          }
        }
        sources {
          source {
            key
          }
        }
      }
      treaty {
        atopId
        signed
        members {
          state {
            ccode
          }
          entry
        }
      }
      era {
        key
      }
      sources {
        pages
        source {
          key
          citation
        }
      }
    }
  }
`;

type Detail = {
  negotiation: {
    id: string;
    key: string;
    outcome: string;
    start: string;
    end: string;
    parties: { ccode: number }[];
    rounds: { sequence: number; sources: unknown[] }[];
    proposals: { proposer: { ccode: number }; addressees: { ccode: number }[]; sources: unknown[] }[];
    warPlans: {
      approach: string;
      party: { ccode: number };
      target: { key: string; posedBy: { ccode: number }[] };
      sources: unknown[];
    }[];
    treaty: { atopId: number; signed: string; members: { state: { ccode: number } }[] } | null;
    era: { key: string };
    sources: { source: { citation: string } }[];
  };
};

describe('negotiation(id)', () => {
  it('returns the Anglo-German talks of 1898–1901 with parties, rounds, proposals, ideal war plans and sources', async () => {
    const { data, errors } = await api.run<Detail>(DETAIL, { id: 'anglo-german-1898' });
    expect(errors).toBeUndefined();
    const n = data!.negotiation;
    expect(n).toMatchObject({
      id: 'Negotiation:anglo-german-1898',
      outcome: 'NONAGREEMENT',
      treaty: null,
      era: { key: 'imperial-rivalry' },
    });
    expect(n.parties.map((p) => p.ccode)).toEqual([200, 255]);
    expect(n.rounds.length).toBeGreaterThan(0);
    expect(n.proposals.length).toBeGreaterThan(0);
    for (const x of [...n.rounds, ...n.proposals, ...n.warPlans]) expect(x.sources.length).toBeGreaterThan(0);
    expect(n.sources.length).toBeGreaterThan(0);
    const britain = n.warPlans.find((w) => w.party.ccode === 200)!;
    expect(britain.target.posedBy.map((s) => s.ccode)).toContain(365);
  });

  it('returns the 1939 British-French-Soviet talks: three parties, no treaty', async () => {
    const { data } = await api.run<Detail>(DETAIL, { id: 'Negotiation:british-french-soviet-1939' });
    expect(data!.negotiation.parties.map((p) => p.ccode)).toEqual([200, 220, 365]);
    expect(data!.negotiation).toMatchObject({ outcome: 'NONAGREEMENT', treaty: null, era: { key: 'interwar' } });
    expect(data!.negotiation.warPlans).toHaveLength(3);
  });

  it('returns the North Atlantic talks: agreement, defensive plans against the USSR, ATOP 3180', async () => {
    const { data } = await api.run<Detail>(DETAIL, { id: 'north-atlantic-1948' });
    const n = data!.negotiation;
    expect(n.outcome).toBe('AGREEMENT');
    expect(n.treaty).toMatchObject({ atopId: 3180, signed: '1949-04-04' });
    expect(n.treaty!.members.map((m) => m.state.ccode)).toEqual(expect.arrayContaining([2, 200, 220]));
    for (const w of n.warPlans) {
      expect(w.approach).toBe('DEFENSIVE');
      expect(w.target.posedBy.map((s) => s.ccode)).toContain(365);
    }
  });

  it('an unknown id is NOT_FOUND; a global id of another type is BAD_USER_INPUT', async () => {
    expect((await api.run(DETAIL, { id: 'no-such-talks' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.run(DETAIL, { id: 'State:200' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('negotiations(filter)', () => {
  const LIST = `query ($filter: NegotiationFilter, $first: Int, $after: String) {
    negotiations(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { key outcome start } }
    }
  }`;
  type List = {
    negotiations: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { key: string; outcome: string; start: string } }[];
    };
  };

  it('lists the failures, in chronological order', async () => {
    const { data } = await api.run<List>(LIST, { filter: { outcome: 'NONAGREEMENT' }, first: 100 });
    const nodes = data!.negotiations.edges.map((e) => e.node);
    expect(nodes.every((n) => n.outcome === 'NONAGREEMENT')).toBe(true);
    expect(nodes.map((n) => n.key)).toEqual(
      expect.arrayContaining(['anglo-german-1898', 'british-french-soviet-1939']),
    );
    expect(nodes.map((n) => n.start)).toEqual([...nodes.map((n) => n.start)].sort());
    expect(data!.negotiations.totalCount).toBe(nodes.length);
  });

  it('pages with cursors without losing or repeating an item', async () => {
    const all = { edges: [] as List['negotiations']['edges'] };
    let cursor: string | undefined;
    for (;;) {
      const page = (await api.run<List>(LIST, { first: 100, after: cursor })).data!.negotiations;
      all.edges.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    expect(all.edges.length).toBe((await api.run<List>(LIST, { first: 1 })).data!.negotiations.totalCount);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 200; i++) {
      const page = (await api.run<List>(LIST, { first: 4, after })).data!.negotiations;
      seen.push(...page.edges.map((e) => e.node.key));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.key));
  });

  it('reads a page without its long texts unless they are asked, and gives them wherever else they are asked', async () => {
    type Texts = { key: string; summary: string; notes: string | null };
    const whole = new Map(
      (
        await api.run<{ negotiations: { edges: { node: Texts }[] } }>(
          '{ negotiations(first: 100) { edges { node { key summary notes } } } }',
        )
      ).data!.negotiations.edges.map((e) => [e.node.key, e.node]),
    );
    expect([...whole.values()].every((n) => n.summary.length > 0)).toBe(true);
    // Asked through a fragment: the page holds them (one round trip).
    const viaFragment = await api.run<{ negotiations: { edges: { node: Texts }[] } }>(
      '{ negotiations(first: 100) { edges { node { ...T } } } } fragment T on Negotiation { key summary notes }',
    );
    expect(viaFragment.roundTrips).toBe(1);
    expect(viaFragment.data!.negotiations.edges.map((e) => e.node)).toEqual([...whole.values()]);
    // Not asked of the page's nodes but of the same negotiations reached through their treaty: the
    // loader holds the page's nodes without their texts, and the fields read them.
    const nested = await api.run<{
      negotiations: { edges: { node: { key: string; treaty: { negotiation: Texts } | null } }[] };
    }>('{ negotiations(first: 100) { edges { node { key treaty { negotiation { key summary notes } } } } } }');
    expect(nested.errors).toBeUndefined();
    const reached = nested.data!.negotiations.edges.flatMap((e) => (e.node.treaty ? [e.node.treaty.negotiation] : []));
    expect(reached.length).toBeGreaterThan(3);
    for (const n of reached) expect(n).toEqual(whole.get(n.key));
  });

  it('filters by party ccode, era, and dates given as a year', async () => {
    const byParty = (await api.run<List>(LIST, { filter: { party: 365 }, first: 100 })).data!.negotiations.edges.map(
      (e) => e.node.key,
    );
    expect(byParty).toContain('british-french-soviet-1939');
    expect(byParty).not.toContain('anglo-german-1898');
    const in1901 = (
      await api.run<List>(LIST, { filter: { from: '1901', to: '1901' }, first: 100 })
    ).data!.negotiations.edges.map((e) => e.node.key);
    expect(in1901).toContain('anglo-german-1898');
    expect(in1901).not.toContain('north-atlantic-1948');
    const era = (
      await api.run<List>(LIST, { filter: { era: 'early-cold-war' }, first: 100 })
    ).data!.negotiations.edges.map((e) => e.node.key);
    expect(era).toContain('north-atlantic-1948');
  });
});
