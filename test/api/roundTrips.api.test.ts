/**
 * Nested fields are batched: a nested query over N negotiations costs the same number of store
 * round trips whatever N is (one query per field per level, via the per-request DataLoaders).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi, type TestApi } from '../helpers/testApi.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(await seededEmbedded());
});

// The failed negotiations: coded in full (rounds, proposals, plans), so every loader is asked from the first page on.
const NESTED = `query ($first: Int) {
  negotiations(first: $first, filter: { outcome: NONAGREEMENT }) {
    totalCount
    edges { node {
      key
      parties { ccode negotiations { key } sources { source { key } } }
      rounds { sequence sources { pages source { key } } }
      proposals { proposer { abbrev } addressees { abbrev } round { sequence } sources { source { key } } }
      warPlans { approach party { abbrev } target { key posedBy { ccode } sources { source { key } } } sources { source { key } } }
      treaty { atopId members { entry state { abbrev } } directedAgainst { key } era { key } sources { source { key } } }
      era { key }
      sources { source { key } }
    } }
  }
}`;

describe('store round trips of a nested query', () => {
  it('do not grow with the number of negotiations', async () => {
    const one = await api.run<{ negotiations: { totalCount: number; edges: unknown[] } }>(NESTED, { first: 1 });
    const five = await api.run<{ negotiations: { totalCount: number; edges: unknown[] } }>(NESTED, { first: 5 });
    // 50, not 100: with every relation nested and each list costed at what its parents hold (warPlans
    // 6, parties 4, a treaty's members 6 ...), a page of 100 is over MAX_COST.
    const all = await api.run<{ negotiations: { totalCount: number; edges: unknown[] } }>(NESTED, { first: 50 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.negotiations.edges).toHaveLength(Math.min(50, all.data!.negotiations.totalCount));
    expect(all.data!.negotiations.totalCount).toBeGreaterThan(5);
    // Ten times the negotiations, (almost) the same round trips: a loader shared by fields at one
    // level (the state loader behind proposer, addressees, party) may be dispatched in one batch or
    // two depending on timing, hence the +2; never one call per parent.
    expect(all.roundTrips).toBeLessThanOrEqual(five.roundTrips + 2);
    expect(all.roundTrips).toBeLessThanOrEqual(one.roundTrips + 4);
    // The query has 26 loader-backed fields: one batched query each at most, plus the page query.
    expect(all.roundTrips).toBeLessThanOrEqual(27);
    console.log(
      `round trips for the nested query: first 1 → ${one.roundTrips}, first 5 → ${five.roundTrips}, first 50 → ${all.roundTrips}`,
    );
  });

  it('a page and its nodes are one round trip (the page query returns the nodes themselves)', async () => {
    const negotiations = await api.run<{ negotiations: { edges: { node: { key: string; name: string } }[] } }>(
      '{ negotiations(first: 50) { totalCount edges { node { key name start end outcome summary confidence } } } }',
    );
    expect(negotiations.errors).toBeUndefined();
    expect(negotiations.data!.negotiations.edges.length).toBeGreaterThan(5);
    expect(negotiations.data!.negotiations.edges.every((e) => e.node.key && e.node.name)).toBe(true);
    expect(negotiations.roundTrips).toBe(1);
    const treaties = await api.run<{ treaties: { edges: { node: { key: string } }[] } }>(
      '{ treaties(first: 50) { totalCount edges { node { key name signed ended } } } }',
    );
    expect(treaties.errors).toBeUndefined();
    expect(treaties.data!.treaties.edges.length).toBeGreaterThan(5);
    expect(treaties.roundTrips).toBe(1);
  });

  it('a page with its parties and treaty is one round trip, and gives what the loaders give one by one', async () => {
    type Node = { key: string; parties: { ccode: number; abbrev: string }[]; treaty: { key: string } | null };
    const page = await api.run<{ negotiations: { edges: { node: Node }[] } }>(
      '{ negotiations(first: 50) { edges { node { key parties { ccode abbrev } treaty { key } } } } }',
    );
    expect(page.errors).toBeUndefined();
    expect(page.roundTrips).toBe(1);
    const nodes = page.data!.negotiations.edges.map((e) => e.node);
    // A dozen of them (aliases are bounded), some with a treaty, some without.
    const some = [...nodes.filter((n) => n.treaty).slice(0, 6), ...nodes.filter((n) => !n.treaty).slice(0, 6)];
    // The same negotiations looked up by key: their relations through the per-level loaders.
    const one = await api.run<Record<string, Node>>(
      `{ ${some.map((n, i) => `n${i}: negotiation(id: "${n.key}") { key parties { ccode abbrev } treaty { key } }`).join(' ')} }`,
    );
    expect(one.errors).toBeUndefined();
    // negotiationsWithRelations (the twelve with their parties), then treatiesOfNegotiations.
    expect(one.roundTrips).toBe(2);
    expect(some.map((_, i) => one.data![`n${i}`])).toEqual(some);
    expect(some.length).toBe(12);
  });

  it('a page of treaties with their members is one round trip, and gives what the loader gives one by one', async () => {
    type Node = { key: string; members: { state: { ccode: number }; entry: string; phase: number | null }[] };
    const members = 'members { state { ccode } entry phase }';
    const page = await api.run<{ treaties: { edges: { node: Node }[] } }>(
      `{ treaties(first: 30) { edges { node { key ${members} } } } }`,
    );
    expect(page.errors).toBeUndefined();
    expect(page.roundTrips).toBe(1);
    const nodes = page
      .data!.treaties.edges.map((e) => e.node)
      .filter((n) => n.members.length > 1)
      .slice(0, 12);
    const one = await api.run<Record<string, Node>>(
      `{ ${nodes.map((n, i) => `t${i}: treaty(id: "${n.key}") { key ${members} }`).join(' ')} }`,
    );
    expect(one.errors).toBeUndefined();
    expect(one.roundTrips).toBe(2);
    expect(nodes.map((_, i) => one.data![`t${i}`])).toEqual(nodes);
    expect(nodes.length).toBeGreaterThan(3);
  });

  it('one negotiation with its parties, rounds and proposals is one round trip', async () => {
    const fields =
      'key name parties { ccode abbrev } rounds { sequence place } proposals { sequence date obligations response }';
    const one = await api.run<{ negotiation: unknown }>(`{ negotiation(id: "anglo-german-1898") { ${fields} } }`);
    expect(one.errors).toBeUndefined();
    expect(one.roundTrips).toBe(1);
    // The same through the per-level loaders (the negotiation reached through a page).
    const page = await api.run<{ negotiations: { edges: { node: { key: string } }[] } }>(
      `{ negotiations(first: 100, filter: { outcome: NONAGREEMENT }) { edges { node { ${fields} } } } }`,
    );
    expect(page.data!.negotiations.edges.map((e) => e.node)).toContainEqual(one.data!.negotiation);
  });
});
