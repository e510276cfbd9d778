/**
 * Issue 28 §5: client mistakes that graphql-js or Apollo report without a code are coded client
 * errors (400 with a code), not INTERNAL_SERVER_ERROR, and are not logged as masked errors with a stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../src/server.js';
import { seededEmbedded } from '../helpers/testStore.js';

let server: RunningServer;
const logged: { level: number; msg: string; err?: unknown }[] = [];
beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  server = await startServer({
    executor: await seededEmbedded(),
    limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100 },
    port: 0,
    host: '127.0.0.1',
    logger,
  });
});
afterAll(async () => {
  await server.stop();
});

type Body = { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown };
async function post(body: unknown) {
  const res = await fetch(new URL('/graphql', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|stacktrace/);
  return { status: res.status, body: JSON.parse(text) as Body };
}
const maskedLogged = () => logged.filter((l) => l.msg === 'masked error');

describe('client mistakes reported without a code get one', () => {
  it('an APQ hash that does not match its query: 400 PERSISTED_QUERY_HASH_MISMATCH, no masked error logged', async () => {
    const before = maskedLogged().length;
    const query = '{ eras { key } }';
    const r = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions?.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(r.body.errors![0]!.message).toMatch(/sha256Hash does not match the query/);
    expect(maskedLogged().length).toBe(before);
  });

  it('APQ done properly still works: register with the right hash, then send the hash alone', async () => {
    const query = '{ eras { key } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const reg = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(reg.status).toBe(200);
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(reg.body.data);
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.body.errors![0]!.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const version = await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash } } });
    expect(version.status).toBe(400);
    expect(version.body.errors![0]!.extensions?.code).toBe('BAD_REQUEST');
  });

  it('"Too many errors processing variables" (over 50 bad list items): 400 BAD_USER_INPUT, no masked error logged', async () => {
    const before = maskedLogged().length;
    const r = await post({
      query:
        'query ($w: WhatIfInput) { agreementLikelihood(negotiation: "anglo-german-1898", whatIf: $w) { probability } }',
      variables: { w: { removeOutsideOptions: Array.from({ length: 100 }, (_, i) => `x${i}`) } },
    });
    expect(r.status).toBe(400);
    const codes = new Set(r.body.errors!.map((e) => e.extensions?.code));
    expect([...codes]).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors!.some((e) => /Too many errors processing variables/.test(e.message))).toBe(true);
    expect(maskedLogged().length).toBe(before);
  });
});
