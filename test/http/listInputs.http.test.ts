/**
 * Issue 28 §2: 8 clients posting an 800 KB list of 100,000 unknown ccodes held /healthz at a p99
 * of 2.0 s, and each error body repeated all 100,000 ccodes. A list longer than MAX_LIST_LENGTH is
 * refused before its variables are coerced; an error names a few of the values it was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { seededEmbedded } from '../helpers/testStore.js';
import { DEFAULT_LIMITS } from '../../src/config.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    executor: await seededEmbedded(),
    limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100 },
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await server.stop();
});

type Body = { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };
async function post(query: string, variables: Record<string, unknown>) {
  const t0 = performance.now();
  const res = await fetch(new URL('/graphql', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return {
    status: res.status,
    bytes: Buffer.byteLength(text),
    body: JSON.parse(text) as Body,
    ms: performance.now() - t0,
  };
}

const hypothetical =
  'query($p: [Int!]!) { hypotheticalAgreement(input: { date: "1900", parties: $p, plans: [] }) { probability } }';
const unknownCcodes = (n: number) => Array.from({ length: n }, (_, i) => 100_000 + i);

describe('list inputs', () => {
  it('8 clients posting 100,000 unknown ccodes: each gets a small coded 400, and /healthz answers meanwhile', async () => {
    const ccodes = unknownCcodes(100_000);
    const refusals = Array.from({ length: 8 }, () => post(hypothetical, { p: ccodes }));
    const health: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await fetch(new URL('/healthz', server.url));
        expect(res.status).toBe(200);
        health.push(performance.now() - t0);
      }
    })();
    const answers = await Promise.all(refusals);
    done = true;
    await probe;
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(a.body.data).toBeUndefined();
      expect(a.body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        limit: 'MAX_LIST_LENGTH',
        maxListLength: DEFAULT_LIMITS.maxListLength,
        length: 100_000,
        argument: '$p',
      });
      expect(a.bytes).toBeLessThan(1000);
    }
    expect(health.length).toBeGreaterThan(0);
    expect(Math.max(...health)).toBeLessThan(1000);
  });

  it('a list within the limit naming unknown ccodes: the error names five and counts the rest', async () => {
    const { status, bytes, body } = await post(hypothetical, { p: unknownCcodes(DEFAULT_LIMITS.maxListLength) });
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/^Unknown ccode 100000, 100001, 100002, 100003, 100004 and 245 more: /);
    expect(bytes).toBeLessThan(1000);
  });

  it('a long key is cut where an error repeats it, in the message and the extensions', async () => {
    const key = 'x'.repeat(100_000);
    const { bytes, body } = await post('query($k: ID!) { agreementLikelihood(negotiation: $k) { probability } }', {
      k: key,
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0]?.message).toMatch(/more characters\) was not found$/);
    expect(bytes).toBeLessThan(1000);
  });
});
