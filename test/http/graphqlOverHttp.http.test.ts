/**
 * GraphQL over HTTP conformance, checked by a suite nobody here wrote: the server audits of the
 * `graphql-http` package (the reference implementation of the GraphQL over HTTP specification) run
 * against the real server. Every MUST passes; the SHOULDs that fail are listed below with the reason,
 * so that a change either way is seen. Then this API's own rule (issue 25), status codes by whether
 * execution started, and nullable lookups: one failing lookup no longer erases its siblings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditServer, type AuditResult } from 'graphql-http';
import { startServer, type RunningServer } from '../../src/server.js';
import { seededEmbedded } from '../helpers/testStore.js';
import { testLimits } from '../helpers/testApi.js';

/**
 * The SHOULDs this server does not follow, and why. All three ask for 200 on a request refused
 * before execution when the client accepts only `application/json` (the spec's allowance for legacy
 * clients, which could not tell a GraphQL error from a broken server by its status). This server
 * answers such requests 400 under both media types (Apollo Server's behaviour, kept): the status then
 * says whether execution started, whatever the client accepts, and clients that ask for
 * `application/graphql-response+json` get exactly what the spec requires.
 */
const SHOULDS_NOT_FOLLOWED: Record<string, string> = {
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
};

describe('GraphQL over HTTP', () => {
  let server: RunningServer;
  let results: AuditResult[];
  const post = (query: string, accept = 'application/graphql-response+json', variables?: unknown) =>
    fetch(new URL('/graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    server = await startServer({ executor: await seededEmbedded(), limits: testLimits, port: 0, host: '127.0.0.1' });
    results = await auditServer({ url: new URL('/graphql', server.url).toString() });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('graphql-http: every MUST audit passes', () => {
    const musts = results.filter((r) => r.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    expect(
      musts.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${(r as { reason?: string }).reason}`),
    ).toEqual([]);
  });

  it('graphql-http: the SHOULDs not followed are exactly the listed ones', () => {
    const failed = results.filter((r) => r.name.startsWith('SHOULD') && r.status !== 'ok');
    expect(Object.fromEntries(failed.map((r) => [r.id, r.name]))).toEqual(SHOULDS_NOT_FOLLOWED);
    expect(results.filter((r) => r.name.startsWith('SHOULD') && r.status === 'ok').length).toBeGreaterThan(15);
  });

  it('a failing lookup leaves its siblings: { a: eras, b: state(ccode: 999) } is 200 with a and NOT_FOUND at b', async () => {
    const res = await post('{ a: eras { key } b: state(ccode: 999) { name } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = (await res.json()) as {
      data: { a: unknown[]; b: null };
      errors: { path: string[]; extensions: { code: string } }[];
    };
    expect(body.data.a.length).toBeGreaterThan(3);
    expect(body.data.b).toBeNull();
    expect(body.errors.map((e) => [e.path, e.extensions.code])).toEqual([[['b'], 'NOT_FOUND']]);
  });

  it('once execution started the status is 200, a bad argument (BAD_USER_INPUT) as a missing key (NOT_FOUND)', async () => {
    for (const [query, code] of [
      ['{ state(ccode: 2) { name } negotiations(first: 1000) { totalCount } }', 'BAD_USER_INPUT'],
      ['{ state(ccode: 2) { name } negotiation(id: "nope") { key } }', 'NOT_FOUND'],
    ] as const) {
      for (const accept of ['application/graphql-response+json', 'application/json']) {
        const res = await post(query, accept);
        expect(res.status, `${query} ${accept}`).toBe(200);
        const body = (await res.json()) as {
          data: { state: { name: string } };
          errors: { extensions: { code: string } }[];
        };
        expect(body.data.state.name).toBe('United States of America');
        expect(body.errors.map((e) => e.extensions.code)).toEqual([code]);
      }
    }
  });

  it('refused before execution: a 4xx and no data (parse, validation, variables)', async () => {
    for (const [query, variables, code] of [
      ['{ eras { key }', undefined, 'GRAPHQL_PARSE_FAILED'],
      ['{ eras { nope } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
      ['query ($c: Int!) { state(ccode: $c) { name } }', { c: 'two' }, 'BAD_USER_INPUT'],
    ] as const) {
      const res = await post(query, 'application/graphql-response+json', variables);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
      expect('data' in body, query).toBe(false);
      expect(body.errors[0]!.extensions.code).toBe(code);
    }
  });
});
