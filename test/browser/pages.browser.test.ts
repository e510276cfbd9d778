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
  complete: boolean | null;
  uncovered: string[];
  layout: string | null;
  blocs: number;
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
      // Leave the network page once it has drawn: an export it asked for while being left is the
      // server's to end (past the deadline, test/http/exportStall), not this test's to wait for.
      if (path === '/network')
        await site.page.waitForFunction(
          () => (globalThis as unknown as { networkState?: NetworkState }).networkState?.ready === true,
          null,
          { timeout: 30_000 },
        );
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

  it('the network page runs to the last year of the data and says which layers cover the date (issue #24)', async () => {
    site.consoleErrors.length = 0;
    const waitFor = (at: string) =>
      site.page.waitForFunction(
        (a) => {
          const s = (globalThis as unknown as { networkState?: NetworkState }).networkState;
          return s?.ready === true && s.at === a;
        },
        at,
        { timeout: 60_000 },
      );
    const exported = async (at: string) =>
      (
        (await (await fetch(new URL(`/export/cytoscape?at=${at}&negotiations=5`, site.server.url))).json()) as {
          data: { complete: boolean; coverage: { layer: string; covered: boolean }[] };
        }
      ).data;
    await site.page.goto(new URL('/network?at=1990-07-01', site.server.url).toString());
    await waitFor('1990-07-01');
    // The slider and the date box reach ATOP's last year (analysisSpan).
    expect(await site.page.locator('#year').getAttribute('max')).toBe('2018');
    expect(await site.page.locator('#date').getAttribute('max')).toBe('2018-12-31');
    const s1990 = await stateOf();
    const n1990 = await networkOf('1990-07-01');
    expect(s1990.nodes).toBe(n1990.nodes.length);
    expect(s1990.alliances).toBe(n1990.edges.length);
    expect(s1990.nodes).toBeGreaterThan(100);
    // The default layout draws each group of states joined by alliance ties as a cluster.
    expect(s1990.layout).toBe('blocs');
    expect(s1990.blocs).toBeGreaterThanOrEqual(1);
    const e1990 = await exported('1990-07-01');
    expect(s1990.complete).toBe(e1990.complete);
    expect(s1990.uncovered).toEqual(e1990.coverage.filter((l) => !l.covered).map((l) => l.layer));
    expect(s1990.uncovered).not.toContain('atop');
    // The negotiation layer rests on the record, whose negotiations end in 1949.
    expect(s1990.uncovered).toContain('record');
    await site.page.screenshot({ path: join(SHOTS, 'network-1990.png') });

    // 2017: the COW state system and NMC end in 2016: no states, and the page says why.
    await site.page.locator('#year').fill('2017');
    await waitFor('2017-07-01');
    const s2017 = await stateOf();
    expect(s2017.nodes).toBe((await networkOf('2017-07-01')).nodes.length);
    expect(s2017.complete).toBe(false);
    expect(s2017.uncovered).toEqual(expect.arrayContaining(['cow-states', 'nmc']));
    expect(s2017.uncovered).not.toContain('atop');
    await expect
      .poll(() => site.page.locator('#coverage .uncovered').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('cow-states'), expect.stringContaining('nmc')]));
    expect(site.consoleErrors).toEqual([]);
  });
});
