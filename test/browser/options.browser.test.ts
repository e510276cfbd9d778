/**
 * The outside-options page in a real browser (Debian's Chromium via playwright-core) against the
 * real server on the seed plus the published data sets: /options?state=200 draws the 1815–1949
 * series as an SVG line chart — as many points as the GraphQL series has, one shaded band per era,
 * one mark per negotiation of the state — loading nothing from outside this server and logging no
 * console error. Screenshots go to test-results/browser/ (git-ignored).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS_QUERIES } from '../../src/web/options/queries.js';
import { browserSkipReason as skipReason, openBrowserPage, SHOTS, type BrowserPage } from '../helpers/browserPage.js';
import { testLimits } from '../helpers/testApi.js';

interface OptionsState {
  state: number;
  from: number;
  to: number;
  step: string;
  points: number;
  eraBands: number;
  negotiationMarks: number;
  ready: boolean;
  error: string | null;
  loads: number;
}
interface SeriesData {
  state: { negotiations: { key: string; start: string }[] };
  eras: { key: string; name: string; start: string; end: string }[];
  outsideOptionsSeries: { at: string; options: { overall: number } }[];
}

describe.skipIf(skipReason !== null)(
  `the outside-options page in a real browser${skipReason ? ` (${skipReason})` : ''}`,
  () => {
    let site: BrowserPage;

    // The 135-year series takes ~4 s on an idle 2-core machine; a generous deadline for a loaded one.
    beforeAll(async () => {
      site = await openBrowserPage({
        viewport: { width: 1500, height: 800 },
        limits: { ...testLimits, requestTimeoutMs: 120_000 },
      });
    }, 180_000);
    afterAll(async () => {
      await site?.close();
    });

    const series = async (variables: Record<string, unknown>): Promise<SeriesData> => {
      const res = await fetch(new URL('/graphql', site.server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: OPTIONS_QUERIES.series, variables }),
      });
      const json = (await res.json()) as { data: SeriesData; errors?: unknown[] };
      expect(json.errors).toBeUndefined();
      return json.data;
    };
    const stateOf = () =>
      site.page.evaluate(() => (globalThis as unknown as { optionsState: OptionsState }).optionsState);
    const waitForLoads = (n: number) =>
      site.page.waitForFunction(
        (k) => {
          const s = (globalThis as unknown as { optionsState?: OptionsState }).optionsState;
          return !!s && s.ready && s.loads >= k;
        },
        n,
        { timeout: 120_000 },
      );

    it('draws Britain 1815–1949: a point per year, a band per era, a mark per negotiation, as the GraphQL series has them', async () => {
      site.requests.length = 0;
      site.consoleErrors.length = 0;
      await site.page.goto(new URL('/options?state=200', site.server.url).toString());
      await site.page.locator('#chart path.series-line.overall').waitFor({ state: 'attached', timeout: 120_000 });
      await waitForLoads(1);
      const data = await series({ state: 200, from: 1815, to: 1949, step: 'YEAR' });
      const erasInRange = data.eras.filter((e) => e.start <= '1949-12-31' && e.end >= '1815-01-01');
      const negotiationsInRange = data.state.negotiations.filter(
        (n) => n.start >= '1815-01-01' && n.start <= '1949-12-31',
      );
      const s = await stateOf();
      expect(s.error).toBeNull();
      expect([s.state, s.from, s.to, s.step]).toEqual([200, 1815, 1949, 'YEAR']);
      expect(s.points).toBe(135);
      expect(s.points).toBe(data.outsideOptionsSeries.length);
      expect(await site.page.locator('#chart circle.point').count()).toBe(data.outsideOptionsSeries.length);
      expect(s.eraBands).toBe(erasInRange.length);
      expect(await site.page.locator('#chart rect.era-band').count()).toBe(erasInRange.length);
      expect(
        await site.page
          .locator('#chart text.era-label')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))),
      ).toEqual(erasInRange.map((e) => e.name));
      expect(await site.page.locator('#chart text.era-label').allTextContents()).toContain('Concert of Europe');
      expect(negotiationsInRange.length).toBeGreaterThan(5);
      expect(s.negotiationMarks).toBe(negotiationsInRange.length);
      expect(await site.page.locator('#chart .negotiation-mark').count()).toBe(negotiationsInRange.length);
      expect(
        new Set(
          await site.page
            .locator('#chart .negotiation-mark')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-negotiation'))),
        ),
      ).toEqual(new Set(negotiationsInRange.map((n) => n.key)));
      // The four lines are drawn; the overall line goes through every point.
      for (const key of ['overall', 'alternativeAlly', 'unilateral', 'buckPassing']) {
        const d = await site.page.locator(`#chart path.series-line.${key}`).getAttribute('d');
        expect(d, key).toMatch(/^M[\d.]+ [\d.]+ L/);
      }
      expect(
        ((await site.page.locator('#chart path.series-line.overall').getAttribute('d'))!.match(/[ML]/g) ?? []).length,
      ).toBe(135);
      // The 1901 point's tooltip carries the values of the series.
      const p1901 = data.outsideOptionsSeries.find((p) => p.at === '1901-07-01')!;
      expect(await site.page.locator('#chart circle.point[data-at="1901-07-01"] title').textContent()).toContain(
        `overall ${p1901.options.overall.toFixed(3)}`,
      );
      await expect.poll(() => site.page.locator('#status').innerText()).toContain('135 points');
      expect(await site.page.locator('#csv').getAttribute('href')).toBe(
        '/export/options-series?state=200&from=1815&to=1949&step=YEAR&download',
      );
      await site.page.screenshot({ path: join(SHOTS, 'options-200.png') });

      // A click on a point shows its details with a link to the explorer query behind them.
      await site.page.locator('#chart circle.point[data-at="1901-07-01"]').dispatchEvent('click');
      await expect.poll(() => site.page.locator('#details h2').innerText()).toBe('UKG in 1901');
      expect(await site.page.locator('#details a').getAttribute('href')).toMatch(/^\/\?query=.*OptionsAt/);

      for (const url of site.requests) expect(new URL(url).origin, url).toBe(site.origin);
      expect(site.consoleErrors).toEqual([]);
    });

    it('by era, for France from 1871: one point per era, redrawn from the form', async () => {
      site.consoleErrors.length = 0;
      const before = (await stateOf()).loads;
      await site.page.locator('#state').fill('220');
      await site.page.locator('#from').fill('1871');
      await site.page.locator('#step').selectOption('ERA');
      await site.page.locator('#controls button[type=submit]').click();
      await waitForLoads(before + 1);
      const data = await series({ state: 220, from: 1871, to: 1949, step: 'ERA' });
      const s = await stateOf();
      expect([s.state, s.from, s.step]).toEqual([220, 1871, 'ERA']);
      expect(s.points).toBe(data.outsideOptionsSeries.length);
      expect(s.points).toBe(s.eraBands);
      expect(await site.page.locator('#chart circle.point').count()).toBe(data.outsideOptionsSeries.length);
      expect(s.negotiationMarks).toBe(
        data.state.negotiations.filter((n) => n.start >= '1871-01-01' && n.start <= '1949-12-31').length,
      );
      expect(new URL(site.page.url()).search).toBe('?state=220&from=1871&to=1949&step=ERA');
      await site.page.screenshot({ path: join(SHOTS, 'options-220-eras.png') });
      expect(site.consoleErrors).toEqual([]);
    });

    it("an unknown state shows the API's message, not a broken chart", async () => {
      site.consoleErrors.length = 0;
      await site.page.goto(new URL('/options?state=999', site.server.url).toString());
      await waitForLoads(1);
      const s = await stateOf();
      expect(s.error).toMatch(/999.*not found/);
      await expect.poll(() => site.page.locator('#status').innerText()).toMatch(/not found/);
      expect(site.consoleErrors).toEqual([]);
    });
  },
);
