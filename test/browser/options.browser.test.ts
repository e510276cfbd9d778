/**
 * The outside-options page in a real browser (Debian's Chromium via playwright-core) against the
 * real server on the seed plus the published data sets: /options?state=200 draws the 1815–1949
 * series as an SVG line chart — as many points as the GraphQL series has, one shaded band per era,
 * one mark per negotiation of the state — loading nothing from outside this server and logging no
 * console error. Screenshots go to test-results/browser/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/server.js';
import { projectRoot } from '../../src/paths.js';
import { OPTIONS_QUERIES } from '../../src/web/options/queries.js';
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

interface OptionsState { state: number; from: number; to: number; step: string; points: number; eraBands: number; negotiationMarks: number; ready: boolean; error: string | null; loads: number }
interface SeriesData {
  state: { negotiations: { key: string; start: string }[] };
  eras: { key: string; name: string; start: string; end: string }[];
  outsideOptionsSeries: { at: string; options: { overall: number } }[];
}

describe.skipIf(skipReason !== null)(`the outside-options page in a real browser${skipReason ? ` (${skipReason})` : ''}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const executor = await seededAndImported();
    // The 135-year series takes ~4 s on an idle 2-core machine; a generous deadline for a loaded one.
    server = await startServer({ executor, limits: { ...testLimits, requestTimeoutMs: 120_000 }, port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1500, height: 800 } });
    page.on('request', (r) => { requests.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => { consoleErrors.push(e.message); });
  }, 180_000);
  afterAll(async () => { await browser?.close(); await server?.stop(); });

  const series = async (variables: Record<string, unknown>): Promise<SeriesData> => {
    const res = await fetch(new URL('/graphql', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OPTIONS_QUERIES.series, variables }) });
    const json = (await res.json()) as { data: SeriesData; errors?: unknown[] };
    expect(json.errors).toBeUndefined();
    return json.data;
  };
  const stateOf = () => page.evaluate(() => (globalThis as unknown as { optionsState: OptionsState }).optionsState);
  const waitForLoads = (n: number) => page.waitForFunction((k) => { const s = (globalThis as unknown as { optionsState?: OptionsState }).optionsState; return !!s && s.ready && s.loads >= k; }, n, { timeout: 120_000 });

  it('draws Britain 1815–1949: a point per year, a band per era, a mark per negotiation, as the GraphQL series has them', async () => {
    requests.length = 0;
    consoleErrors.length = 0;
    await page.goto(new URL('/options?state=200', server.url).toString());
    await page.locator('#chart path.series-line.overall').waitFor({ state: 'attached', timeout: 120_000 });
    await waitForLoads(1);
    const data = await series({ state: 200, from: 1815, to: 1949, step: 'YEAR' });
    const erasInRange = data.eras.filter((e) => e.start <= '1949-12-31' && e.end >= '1815-01-01');
    const negotiationsInRange = data.state.negotiations.filter((n) => n.start >= '1815-01-01' && n.start <= '1949-12-31');
    const s = await stateOf();
    expect(s.error).toBeNull();
    expect([s.state, s.from, s.to, s.step]).toEqual([200, 1815, 1949, 'YEAR']);
    expect(s.points).toBe(135);
    expect(s.points).toBe(data.outsideOptionsSeries.length);
    expect(await page.locator('#chart circle.point').count()).toBe(data.outsideOptionsSeries.length);
    expect(s.eraBands).toBe(erasInRange.length);
    expect(await page.locator('#chart rect.era-band').count()).toBe(erasInRange.length);
    expect(await page.locator('#chart text.era-label').evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).toEqual(erasInRange.map((e) => e.name));
    expect(await page.locator('#chart text.era-label').allTextContents()).toContain('Concert of Europe');
    expect(negotiationsInRange.length).toBeGreaterThan(5);
    expect(s.negotiationMarks).toBe(negotiationsInRange.length);
    expect(await page.locator('#chart .negotiation-mark').count()).toBe(negotiationsInRange.length);
    expect(new Set(await page.locator('#chart .negotiation-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-negotiation'))))).toEqual(new Set(negotiationsInRange.map((n) => n.key)));
    // The four lines are drawn; the overall line goes through every point.
    for (const key of ['overall', 'alternativeAlly', 'unilateral', 'buckPassing']) {
      const d = await page.locator(`#chart path.series-line.${key}`).getAttribute('d');
      expect(d, key).toMatch(/^M[\d.]+ [\d.]+ L/);
    }
    expect(((await page.locator('#chart path.series-line.overall').getAttribute('d'))!.match(/[ML]/g) ?? []).length).toBe(135);
    // The 1901 point's tooltip carries the values of the series.
    const p1901 = data.outsideOptionsSeries.find((p) => p.at === '1901-07-01')!;
    expect(await page.locator('#chart circle.point[data-at="1901-07-01"] title').textContent()).toContain(`overall ${p1901.options.overall.toFixed(3)}`);
    await expect.poll(() => page.locator('#status').innerText()).toContain('135 points');
    expect(await page.locator('#csv').getAttribute('href')).toBe('/export/options-series?state=200&from=1815&to=1949&step=YEAR&download');
    await page.screenshot({ path: join(SHOTS, 'options-200.png') });

    // A click on a point shows its details with a link to the explorer query behind them.
    await page.locator('#chart circle.point[data-at="1901-07-01"]').dispatchEvent('click');
    await expect.poll(() => page.locator('#details h2').innerText()).toBe('UKG in 1901');
    expect(await page.locator('#details a').getAttribute('href')).toMatch(/^\/\?query=.*OptionsAt/);

    for (const url of requests) expect(new URL(url).origin, url).toBe(new URL(server.url).origin);
    expect(consoleErrors).toEqual([]);
  });

  it('by era, for France from 1871: one point per era, redrawn from the form', async () => {
    consoleErrors.length = 0;
    const before = (await stateOf()).loads;
    await page.locator('#state').fill('220');
    await page.locator('#from').fill('1871');
    await page.locator('#step').selectOption('ERA');
    await page.locator('#controls button[type=submit]').click();
    await waitForLoads(before + 1);
    const data = await series({ state: 220, from: 1871, to: 1949, step: 'ERA' });
    const s = await stateOf();
    expect([s.state, s.from, s.step]).toEqual([220, 1871, 'ERA']);
    expect(s.points).toBe(data.outsideOptionsSeries.length);
    expect(s.points).toBe(s.eraBands);
    expect(await page.locator('#chart circle.point').count()).toBe(data.outsideOptionsSeries.length);
    expect(s.negotiationMarks).toBe(data.state.negotiations.filter((n) => n.start >= '1871-01-01' && n.start <= '1949-12-31').length);
    expect(new URL(page.url()).search).toBe('?state=220&from=1871&to=1949&step=ERA');
    await page.screenshot({ path: join(SHOTS, 'options-220-eras.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('an unknown state shows the API\'s message, not a broken chart', async () => {
    consoleErrors.length = 0;
    await page.goto(new URL('/options?state=999', server.url).toString());
    await waitForLoads(1);
    const s = await stateOf();
    expect(s.error).toMatch(/999.*not found/);
    await expect.poll(() => page.locator('#status').innerText()).toMatch(/not found/);
    expect(consoleErrors).toEqual([]);
  });
});
