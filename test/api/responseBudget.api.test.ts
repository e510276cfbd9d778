/**
 * Reliability issue, part 1, through the API: a result that outgrows MAX_RESPONSE_NODES or
 * MAX_RESPONSE_BYTES ends with one coded error (RESPONSE_TOO_LARGE, HTTP 400) and stops reading the
 * store, instead of being built in full; over MAX_HEAP_SHARE an operation is refused before it runs
 * (OVERLOADED, 503, Retry-After); the 18-alias nested treaty request is refused by its estimate
 * before any store call.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import { seededEmbedded } from '../helpers/testStore.js';
import { testLimits } from '../helpers/testApi.js';
import { NESTED_TREATY_LISTS } from '../helpers/heavyRequests.js';
import { createApollo } from '../../src/server.js';
import { createContext } from '../../src/context.js';
import type { Config, ServerPolicy } from '../../src/config.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';

let executor: QueryExecutor;
beforeAll(async () => {
  executor = await seededEmbedded();
});

/** Runs `query` on a fresh Apollo server with these limits: status, errors, data, store round trips. */
async function run(query: string, limits: Partial<Config['limits']> = {}, policy: Partial<ServerPolicy> = {}) {
  const all = { ...testLimits, ...limits };
  const { apollo } = await createApollo({ executor, limits: all, policy });
  await apollo.start();
  try {
    const contextValue = createContext(executor, all);
    const res = await apollo.executeOperation({ query }, { contextValue });
    if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
    return {
      status: res.http.status ?? 200,
      retryAfter: res.http.headers.get('retry-after'),
      errors: (res.body.singleResult.errors ?? []) as GraphQLFormattedError[],
      data: res.body.singleResult.data,
      roundTrips: contextValue.roundTrips.count,
    };
  } finally {
    await apollo.stop();
  }
}

// Every negotiation with its parties and their own negotiations: a few thousand nodes on the seed,
// read level by level.
const WIDE = '{ negotiations(first: 100) { edges { node { key name parties { name negotiations { key name } } } } } }';
// `treaty` is nullable: a request stopped there fails once per negotiation.
const NULLABLE = '{ negotiations(first: 100) { edges { node { key treaty { name members { state { name } } } } } } }';

describe('the response budget', () => {
  it('a result past MAX_RESPONSE_NODES ends with RESPONSE_TOO_LARGE, reported once (200: execution had started), with fewer store reads', async () => {
    const whole = await run(WIDE);
    expect(whole.errors).toEqual([]);
    const over = await run(WIDE, { maxResponseNodes: 300 });
    expect(over.status).toBe(200);
    expect(over.errors).toHaveLength(1);
    expect(over.errors[0]!.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 'MAX_RESPONSE_NODES' });
    expect(over.errors[0]!.message).toMatch(/passed 300 nodes/);
    expect(over.roundTrips).toBeLessThan(whole.roundTrips);
  });

  it('a result past MAX_RESPONSE_BYTES ends the same way', async () => {
    const over = await run('{ negotiations(first: 100) { edges { node { key name summary notes } } } }', {
      maxResponseBytes: 5000,
    });
    expect(over.status).toBe(200);
    expect(over.errors.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(over.errors[0]!.extensions?.limit).toBe('MAX_RESPONSE_BYTES');
  });

  it('a stop under nullable fields is reported once, not once per field', async () => {
    const whole = await run(NULLABLE);
    expect(whole.errors).toEqual([]);
    const over = await run(NULLABLE, { maxResponseNodes: 200 });
    expect(over.errors.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
  });

  it('within the budget, the answer is the same as without one', async () => {
    const a = await run(WIDE);
    const b = await run(WIDE, { maxResponseNodes: Number.MAX_SAFE_INTEGER, maxResponseBytes: Number.MAX_SAFE_INTEGER });
    expect(a.data).toEqual(b.data);
  });
});

describe('memory and the estimate', () => {
  it('over MAX_HEAP_SHARE, an operation is refused before it runs: OVERLOADED, 503, Retry-After', async () => {
    const r = await run('{ eras { key } }', {}, { maxHeapShare: 1e-6 });
    expect(r.status).toBe(503);
    expect(r.retryAfter).toMatch(/^\d+$/);
    expect(r.errors.map((e) => e.extensions?.code)).toEqual(['OVERLOADED']);
    expect(r.roundTrips).toBe(0);
    expect((await run('{ eras { key } }', {}, { maxHeapShare: 1 })).errors).toEqual([]);
  });

  it('18 aliases of state.treaties.treaty.members.state.treaties are refused by MAX_COST before any store call', async () => {
    const r = await run(NESTED_TREATY_LISTS);
    expect(r.status).toBe(400);
    expect(r.errors[0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_COST' });
    expect(r.roundTrips).toBe(0);
  });
});
