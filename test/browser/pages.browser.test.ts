/**
 * Real-browser tests: Debian's Chromium driven by playwright-core against the real server on a
 * seeded and imported in-memory store. Every request the pages make must go to 127.0.0.1 (no CDN).
 * Screenshots are written to test-results/browser/ (git-ignored).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason as skipReason, openBrowserPage, SHOTS, type BrowserPage } from '../helpers/browserPage.js';

interface NetworkState {
  at: string;
  nodes: number;
  alliances: number;
  negotiations: number;
  ready: boolean;
}

describe.skipIf(skipReason !== null)(`pages in a real browser${skipReason ? ` (${skipReason})` : ''}`, () => {
  let site: BrowserPage;

  beforeAll(async () => {
    site = await openBrowserPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  const networkOf = async (at: string) => {
    const res = await fetch(new URL('/graphql', site.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($at: Date!) { allianceNetwork(at: $at) { nodes { ccode } edges { source } } }',
        variables: { at },
      }),
    });
    return ((await res.json()) as { data: { allianceNetwork: { nodes: unknown[]; edges: unknown[] } } }).data
      .allianceNetwork;
  };
  const stateOf = () =>
    site.page.evaluate(() => (globalThis as unknown as { networkState: NetworkState }).networkState);

  it('the explorer loads from this server only and runs an example query', async () => {
    site.requests.length = 0;
    await site.page.goto(site.server.url);
    await site.page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await site.page.locator('.graphiql-tab').first().waitFor();
    expect(await site.page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(5);
    await site.page.locator('.graphiql-execute-button').click();
    await site.page.locator('.result-window').getByText('"data"').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => site.page.locator('.result-window').innerText()).toContain('aix-la-chapelle-1818');
    await site.page.screenshot({ path: join(SHOTS, 'explorer.png') });
    expect(site.requests.length).toBeGreaterThan(3);
    for (const url of site.requests) expect(new URL(url).origin, url).toBe(site.origin);
    // The bar above the explorer links to the other pages.
    for (const [path, title] of [
      ['/network', /network/],
      ['/options', /outside options/i],
    ] as const) {
      await site.page.goto(site.server.url);
      await site.page.locator(`#pages a[href="${path}"]`).click();
      await site.page.waitForURL((u) => u.pathname === path);
      expect(await site.page.title()).toMatch(title);
    }
  });

  it('the network page at 1914 shows the states of the system; the slider to 1949 redraws it', async () => {
    site.requests.length = 0;
    site.consoleErrors.length = 0;
    await site.page.goto(new URL('/network?at=1914-07-01', site.server.url).toString());
    await site.page.waitForFunction(
      () => (globalThis as unknown as { networkState?: NetworkState }).networkState?.ready === true,
      null,
      { timeout: 30_000 },
    );
    const s1914 = await stateOf();
    const n1914 = await networkOf('1914-07-01');
    expect(s1914.at).toBe('1914-07-01');
    expect(s1914.nodes).toBe(n1914.nodes.length);
    expect(s1914.alliances).toBe(n1914.edges.length);
    expect(
      await site.page.evaluate(
        () => (globalThis as unknown as { cy: { nodes(): { length: number } } }).cy.nodes().length,
      ),
    ).toBe(n1914.nodes.length);
    await expect.poll(() => site.page.locator('#counts').innerText()).toContain(`${n1914.nodes.length} states`);
    await site.page.screenshot({ path: join(SHOTS, 'network-1914.png') });

    // A click on Germany shows its details with a link to the explorer query behind them.
    await site.page.evaluate(() =>
      (globalThis as unknown as { cy: { $id(id: string): { emit(e: string): void } } }).cy.$id('255').emit('tap'),
    );
    await expect.poll(() => site.page.locator('#details h2').innerText()).toMatch(/German/);
    const href = await site.page.locator('#details a').first().getAttribute('href');
    expect(href).toMatch(/^\/\?query=.*StateAt/);

    await site.page.locator('#year').fill('1949');
    await site.page.waitForFunction(
      () => {
        const s = (globalThis as unknown as { networkState: NetworkState }).networkState;
        return s.ready && s.at === '1949-07-01';
      },
      null,
      { timeout: 30_000 },
    );
    const s1949 = await stateOf();
    const n1949 = await networkOf('1949-07-01');
    expect(s1949.nodes).toBe(n1949.nodes.length);
    expect(s1949.alliances).toBe(n1949.edges.length);
    expect([s1949.nodes, s1949.alliances]).not.toEqual([s1914.nodes, s1914.alliances]);
    await site.page.screenshot({ path: join(SHOTS, 'network-1949.png') });
    for (const url of site.requests) expect(new URL(url).origin, url).toBe(site.origin);
    expect(site.consoleErrors).toEqual([]);

    // The link opens the explorer with that query as the active tab, and it runs.
    site.requests.length = 0;
    await site.page.goto(new URL(href!, site.server.url).toString());
    await site.page.locator('.graphiql-execute-button').waitFor({ timeout: 30_000 });
    await site.page.locator('.graphiql-execute-button').click();
    await expect.poll(() => site.page.locator('.result-window').innerText(), { timeout: 30_000 }).toContain('"allies"');
    await site.page.screenshot({ path: join(SHOTS, 'explorer-from-network.png') });
    for (const url of site.requests) expect(new URL(url).origin, url).toBe(site.origin);
  });
});
