/**
 * Issue 28 §6: the caches' sizes in bytes are visible at /metrics (against READ_CACHE_MB and
 * RESULT_CACHE_MB), and the HTML pages carry security headers (CSP with frame-ancestors, nosniff,
 * Referrer-Policy).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server.js';
import { seededEmbedded } from '../helpers/testStore.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    executor: await seededEmbedded(),
    limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100 },
    policy: { readCacheBytes: 3 * 2 ** 20, resultCacheBytes: 2 * 2 ** 20 },
    port: 0,
    host: '127.0.0.1',
  });
});
afterAll(async () => {
  await server.stop();
});

const get = (path: string) => fetch(new URL(path, server.url));
/** `name{cache="c"} value` of the metrics text. */
function metric(text: string, name: string, cache?: string): number | undefined {
  const re = new RegExp(`^${name}${cache ? `\\{cache="${cache}"\\}` : ''} (\\S+)$`, 'm');
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
}

describe('/metrics', () => {
  it('shows what the read cache and the outside-options cache hold in bytes, against their configured budgets', async () => {
    const r = await fetch(new URL('/graphql', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ negotiation(id: "anglo-german-1898") { parties { ccode } partyPositions { outsideOptions { overall } } } }',
      }),
    });
    expect(r.status).toBe(200);
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(metric(text, 'alliance_cache_max_bytes', 'read')).toBe(3 * 2 ** 20);
    expect(metric(text, 'alliance_cache_max_bytes', 'outside_options')).toBe(2 * 2 ** 20);
    const readBytes = metric(text, 'alliance_cache_bytes', 'read')!;
    expect(readBytes).toBeGreaterThan(0);
    expect(readBytes).toBeLessThanOrEqual(3 * 2 ** 20);
    expect(metric(text, 'alliance_cache_entries', 'read')).toBeGreaterThan(0);
    expect(metric(text, 'alliance_cache_bytes', 'outside_options')).toBeGreaterThan(0);
    expect(metric(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metric(text, 'nodejs_heap_used_bytes')).toBeGreaterThan(0);
  });

  it('answers GET only', async () => {
    const res = await fetch(new URL('/metrics', server.url), { method: 'POST' });
    expect(res.status).toBe(405);
  });
});

describe('security headers', () => {
  it.each(['/', '/network', '/options'])(
    'the HTML page %s carries CSP (frame-ancestors none), nosniff and Referrer-Policy',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline or eval'd script
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      await res.text();
    },
  );

  it('the pages load no inline script (the CSP would block it)', async () => {
    for (const path of ['/', '/network', '/options']) {
      const html = await (await get(path)).text();
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, path).toMatch(/\ssrc="\//);
      expect(html, path).not.toMatch(/\son[a-z]+="/); // no inline event handlers
    }
  });

  it('JSON answers are nosniff too', async () => {
    const res = await get('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
