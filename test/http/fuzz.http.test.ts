/**
 * The CI-sized fuzz run (issue 15): 2,000 schema-driven random operations and malformed requests
 * (scripts/harness) against the in-process HTTP server on the seeded in-memory store. Fails on any
 * 5xx that is not a store outage, any non-JSON body, any error without a code, any stack or path in
 * a body, any hang (no answer 20 s after the request, twice the deadline), or any change to the stored data. `npm run fuzz` runs the long version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import type { RunningServer } from '../../src/server.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { buildAppSchema } from '../../src/buildAppSchema.js';
import { runFuzz } from '../../scripts/harness/runFuzz.js';
import { formatTally } from '../../scripts/harness/check.js';
import { fingerprint, openFixture, serveFixture } from '../../scripts/harness/fixture.js';

let server: RunningServer;
let executor: QueryExecutor;
let schema: GraphQLSchema;
beforeAll(async () => {
  executor = await openFixture(false);
  server = await serveFixture(executor);
  schema = await buildAppSchema();
});
afterAll(async () => {
  await server.stop();
});

describe('fuzz', () => {
  it('2,000 fuzzed requests: no 5xx, no non-JSON body, no error without a code, no leak, no hang, data unchanged', async () => {
    const before = await fingerprint(executor);
    const tally = await runFuzz({
      url: server.url,
      schema,
      count: 2000,
      timeMs: 20_000,
      seed: 15,
      concurrency: 4,
      perRequestMs: 20_000,
    });
    const report = formatTally(tally);
    console.log(`fuzz: ${report.split('\n').slice(0, 3).join('; ')} in ${tally.ms} ms`);
    expect(tally.failures, report).toEqual([]);
    expect(tally.requests, report).toBeGreaterThan(500);
    expect(
      Object.keys(tally.byStatus).filter((s) => s.startsWith('5') || s === 'hang'),
      report,
    ).toEqual([]);
    expect(await fingerprint(executor)).toEqual(before);
  }, 60_000);
});
