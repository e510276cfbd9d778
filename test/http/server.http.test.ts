/**
 * The real HTTP server on a free local port: explorer from local files only, GraphQL over POST and
 * GET with CSRF prevention, health and readiness, clean stop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { seededEmbedded } from '../helpers/testStore.js';
import { testLimits } from '../helpers/testApi.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';

let server: RunningServer;
let executor: QueryExecutor;
beforeAll(async () => {
  executor = await seededEmbedded();
  server = await startServer({ executor, limits: testLimits, port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.stop();
});

const url = (path: string) => new URL(path, server.url).toString();

describe('explorer', () => {
  it('serves GraphiQL at / with every script and stylesheet from this server', async () => {
    const res = await fetch(url('/'));
    expect(res.status).toBe(200);
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref.startsWith('/'), `${ref} must be local`).toBe(true);
      const asset = await fetch(url(ref));
      expect(asset.status, ref).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('opens with the example operations as tabs', async () => {
    const examples = (await (await fetch(url('/explorer/examples.json'))).json()) as { name: string; query: string }[];
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['FailedNegotiations', 'NegotiationDetail']));
  });
});

describe('GraphQL over HTTP', () => {
  it('answers POST /graphql', async () => {
    const res = await fetch(url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ state(ccode: 200) { name } }' }),
    });
    expect(res.status).toBe(200);
    // No field has a cache hint (Apollo's cache-control plugin is off): the answer is never stored.
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ data: { state: { name: 'United Kingdom' } } });
  });

  it('blocks a simple GET (CSRF prevention) and answers one with a preflight header', async () => {
    const q = encodeURIComponent('{ state(ccode: 200) { abbrev } }');
    const blocked = await fetch(url(`/graphql?query=${q}`));
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toMatch(/Cross-Site Request Forgery/);
    const ok = await fetch(url(`/graphql?query=${q}`), { headers: { 'apollo-require-preflight': 'true' } });
    expect(await ok.json()).toEqual({ data: { state: { abbrev: 'UKG' } } });
  });

  it('returns a 400 with a code for a query that does not parse', async () => {
    const res = await fetch(url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ state(' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('health', () => {
  it('/healthz says the process is up; /readyz that the store answers', async () => {
    expect(await (await fetch(url('/healthz'))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'embedded' });
  });
});
