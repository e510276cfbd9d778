/** Bad input gets a clear message and an `extensions.code`; nothing crashes, nothing leaks. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi, type TestApi } from '../helpers/testApi.js';
import { CypherRegistry, GrafeoStore, QueryExecutor } from '../../src/store/index.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(await seededEmbedded(), { maxDepth: 6, maxCost: 3000, maxPageSize: 50 });
});

const codeOf = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

describe('bad input', () => {
  it('unknown ccode: NOT_FOUND for a lookup, BAD_USER_INPUT in a filter', async () => {
    const lookup = await api.run('{ state(ccode: 999) { name } }');
    expect(codeOf(lookup)).toBe('NOT_FOUND');
    expect(lookup.errors![0]!.message).toMatch(/999/);
    const filter = await api.run('{ negotiations(filter: {party: 999}) { totalCount } }');
    expect(codeOf(filter)).toBe('BAD_USER_INPUT');
    expect(filter.errors![0]!.message).toMatch(/Unknown ccode 999/);
  });

  it('malformed dates, inline or as variables', async () => {
    const inline = await api.run('{ negotiations(filter: {from: "1939-02-30"}) { totalCount } }');
    expect(codeOf(inline)).toBe('BAD_USER_INPUT');
    expect(inline.errors![0]!.message).toMatch(/1939-02-30/);
    const variable = await api.run('query ($d: Date) { negotiations(filter: {to: $d}) { totalCount } }', {
      d: 'spring 1939',
    });
    expect(codeOf(variable)).toBe('BAD_USER_INPUT');
    expect(variable.errors![0]!.message).toMatch(/spring 1939/);
  });

  it('page size over the limit, and a forged cursor', async () => {
    const big = await api.run('{ negotiations(first: 51) { totalCount } }');
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0]!.message).toMatch(/at most 50/);
    expect(codeOf(await api.run('{ negotiations(after: "bm9wZQ") { totalCount } }'))).toBe('BAD_USER_INPUT');
  });

  it('a query too deep is refused before it runs', async () => {
    const deep = await api.run(
      '{ state(ccode: 200) { negotiations { parties { negotiations { parties { negotiations { parties { name } } } } } } } }',
    );
    expect(codeOf(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0]!.message).toMatch(/too deep: 7 levels, the limit is 6/);
    expect(deep.roundTrips).toBe(0);
  });

  it('a query too expensive is refused before it runs', async () => {
    const costly = await api.run(
      '{ negotiations(first: 50) { edges { node { parties { negotiations { parties { name abbrev ccode } } } } } } }',
    );
    expect(codeOf(costly)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(costly.errors![0]!.message).toMatch(/too expensive/);
    expect(costly.roundTrips).toBe(0);
  });

  it('ambiguous or empty lookups, malformed global ids, wrong types', async () => {
    expect(codeOf(await api.run('{ state(ccode: 200, abbrev: "UKG") { name } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.run('{ treaty { name } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.run('{ node(id: "Planet:3") { id } }'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.run('{ state(ccode: "two hundred") { name } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(codeOf(await api.run('{ negotiations(filter: {outcome: MAYBE}) { totalCount } }'))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});

describe('store failures', () => {
  it('a store that has gone away gives STORE_UNAVAILABLE, not a crash or a hang', async () => {
    const store = GrafeoStore.open();
    const closed = await createTestApi(new QueryExecutor(store, CypherRegistry.load()));
    await store.close();
    const res = await closed.run('{ state(ccode: 200) { name } }');
    expect(codeOf(res)).toBe('STORE_UNAVAILABLE');
    expect(res.errors![0]!.message).toMatch(/embedded store is unavailable/);
  });

  it('an unexpected error is masked; its details stay in the log', async () => {
    const store = GrafeoStore.open();
    store.read = () => {
      throw new TypeError('secret internal detail at /some/path');
    };
    const res = await (await createTestApi(new QueryExecutor(store, CypherRegistry.load()))).run('{ eras { key } }');
    expect(res.errors![0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(res.errors)).not.toMatch(/secret|\/some\/path|stacktrace/);
  });
});
