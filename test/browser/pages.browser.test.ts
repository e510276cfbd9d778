/**
 * Real-browser tests: Debian's Chromium driven by playwright-core against the real server on a
 * seeded and imported in-memory store. Every request the pages make must go to 127.0.0.1 (no CDN).
 * Screenshots are written to test-results/browser/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.js';
import { projectRoot } from '../../src/paths.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { testLimits } from '../helpers/testApi.js';
import { hasSharedData, sharedDataRequired, sharedDataSkipReason } from '../helpers/sharedData.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
if (!hasChromium && inCI) throw new Error(`Chromium is not at ${CHROMIUM} (apt-get install chromium): required in CI`);
if (!hasSharedData && sharedDataRequired) throw new Error(`browser tests need the published data sets in CI: ${sharedDataSkipReason}`);
const skipReason = !hasChromium ? `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` : sharedDataSkipReason;
const SHOTS = join(projectRoot, 'test-results', 'browser');

interface NetworkState { at: string; nodes: number; alliances: number; negotiations: number; ready: boolean }

describe.skipIf(skipReason !== null)(`pages in a real browser${skipReason ? ` (${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const origin = () => new URL(server.url).origin;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const executor = await seededAndImported();
    server = await startServer({ executor, limits: testLimits, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (r) => { requests.push(r.url()); });
  }, 120_000);
  afterAll(async () => { await browser?.close(); await server?.stop(); });

  const networkOf = async (at: string) => {
    const res = await fetch(new URL('/graphql', server.url), {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query ($at: Date!) { allianceNetwork(at: $at) { nodes { ccode } edges { source } } }', variables: { at } }),
    });
    return ((await res.json()) as { data: { allianceNetwork: { nodes: unknown[]; edges: unknown[] } } }).data.allianceNetwork;
  };
  const stateOf = () => page.evaluate(() => (globalThis as unknown as { networkState: NetworkState }).networkState);

  it('the explorer loads from this server only and runs an example query', async () => {
    requests.length = 0;
    await page.goto(server.url);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-tab').first().waitFor();
    expect(await page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(5);
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"data"').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.result-window').innerText()).toContain('aix-la-chapelle-1818');
    await page.screenshot({ path: join(SHOTS, 'explorer.png') });
    expect(requests.length).toBeGreaterThan(3);
    for (const url of requests) expect(new URL(url).origin, url).toBe(origin());
  });

  it('the network page at 1914 shows the states of the system; the slider to 1949 redraws it', async () => {
    requests.length = 0;
    await page.goto(new URL('/network?at=1914-07-01', server.url).toString());
    await page.waitForFunction(() => (globalThis as unknown as { networkState?: NetworkState }).networkState?.ready === true, null, { timeout: 30_000 });
    const s1914 = await stateOf();
    const n1914 = await networkOf('1914-07-01');
    expect(s1914.at).toBe('1914-07-01');
    expect(s1914.nodes).toBe(n1914.nodes.length);
    expect(s1914.alliances).toBe(n1914.edges.length);
    expect(await page.evaluate(() => (globalThis as unknown as { cy: { nodes(): { length: number } } }).cy.nodes().length)).toBe(n1914.nodes.length);
    await expect.poll(() => page.locator('#counts').innerText()).toContain(`${n1914.nodes.length} states`);
    await page.screenshot({ path: join(SHOTS, 'network-1914.png') });

    // A click on Germany shows its details with a link to the explorer query behind them.
    await page.evaluate(() => (globalThis as unknown as { cy: { $id(id: string): { emit(e: string): void } } }).cy.$id('255').emit('tap'));
    await expect.poll(() => page.locator('#details h2').innerText()).toMatch(/German/);
    const href = await page.locator('#details a').first().getAttribute('href');
    expect(href).toMatch(/^\/\?query=.*StateAt/);

    await page.locator('#year').fill('1949');
    await page.waitForFunction(() => { const s = (globalThis as unknown as { networkState: NetworkState }).networkState; return s.ready && s.at === '1949-07-01'; }, null, { timeout: 30_000 });
    const s1949 = await stateOf();
    const n1949 = await networkOf('1949-07-01');
    expect(s1949.nodes).toBe(n1949.nodes.length);
    expect(s1949.alliances).toBe(n1949.edges.length);
    expect([s1949.nodes, s1949.alliances]).not.toEqual([s1914.nodes, s1914.alliances]);
    await page.screenshot({ path: join(SHOTS, 'network-1949.png') });
    for (const url of requests) expect(new URL(url).origin, url).toBe(origin());

    // The link opens the explorer with that query as the active tab, and it runs.
    requests.length = 0;
    await page.goto(new URL(href!, server.url).toString());
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 30_000 }).toContain('"allies"');
    await page.screenshot({ path: join(SHOTS, 'explorer-from-network.png') });
    for (const url of requests) expect(new URL(url).origin, url).toBe(origin());
  });
});
