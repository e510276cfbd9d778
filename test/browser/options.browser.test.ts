/**
 * The outside-options page in a real browser (Debian's Chromium via playwright-core) against the
 * real server on the seed plus the published data sets: /options?state=200&from=1815&to=1949 draws
 * the series as an SVG line chart — as many points as the GraphQL series has, one shaded band per era,
 * one mark per negotiation of the state — loading nothing from outside this server and logging no
 * console error; the United States 1945–2018 with what does not cover each year (issue #24); a state
 * picked by name from the searchable list. Screenshots go to test-results/browser/ (git-ignored).
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
  partialPoints: number;
  uncoveredYears: number;
  coverageRows: number;
  states: number;
}
interface SeriesData {
  state: { negotiations: { key: string; start: string }[] };
  eras: { key: string; name: string; start: string; end: string }[];
  outsideOptionsSeries: { at: string; year: number | null; options: { overall: number | null; complete: boolean } }[];
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
      await site.page.goto(new URL('/options?state=200&from=1815&to=1949', site.server.url).toString());
      await site.page
        .locator('#chart path.series-line.overall')
        .first()
        .waitFor({ state: 'attached', timeout: 120_000 });
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
      // A point for each year some option is covered in (1815: the COW state system begins in 1816).
      const covered = data.outsideOptionsSeries.filter((p) => p.options.overall !== null);
      expect(await site.page.locator('#chart circle.point').count()).toBe(covered.length);
      expect(s.uncoveredYears).toBe(data.outsideOptionsSeries.length - covered.length);
      expect(s.eraBands).toBe(erasInRange.length);
      expect(await site.page.locator('#chart rect.era-band').count()).toBe(erasInRange.length);
      expect(
        await site.page
          .locator('#chart text.era-label')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-name'))),
      ).toEqual(erasInRange.map((e) => e.name));
      // Each label in full (its own text, before its tooltip) and within the chart: none cut off.
      const labels = await site.page.locator('#chart text.era-label').evaluateAll((els) =>
        els.map((e) => {
          const t = e as unknown as { firstChild: { nodeValue: string }; getBBox(): { x: number; width: number } };
          const svg = (e as unknown as { ownerSVGElement: { clientWidth: number } }).ownerSVGElement;
          const box = t.getBBox();
          return { text: t.firstChild.nodeValue, inside: box.x >= 0 && box.x + box.width <= svg.clientWidth };
        }),
      );
      expect(labels.map((l) => l.text)).toEqual(erasInRange.map((e) => e.name));
      expect(labels.map((l) => l.text)).toContain('Concert of Europe');
      expect(labels.every((l) => l.inside)).toBe(true);
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
        const d = await site.page.locator(`#chart path.series-line.${key}`).first().getAttribute('d');
        expect(d, key).toMatch(/^M[\d.]+ [\d.]+ L/);
      }
      const overallDs = await site.page
        .locator('#chart path.series-line.overall')
        .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
      const vertices = new Set(overallDs.join(' ').match(/[\d.]+ [\d.]+/g));
      vertices.delete('0 0');
      expect(vertices.size).toBe(covered.length);
      // The 1901 point's tooltip carries the values of the series.
      const p1901 = data.outsideOptionsSeries.find((p) => p.at === '1901-07-01')!;
      expect(await site.page.locator('#chart circle.point[data-at="1901-07-01"] title').textContent()).toContain(
        `overall ${p1901.options.overall!.toFixed(3)}`,
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

    it('the United States 1945–2018: every point says what covers it; the years no data set covers are hatched (issue #24)', async () => {
      site.consoleErrors.length = 0;
      site.requests.length = 0;
      await site.page.goto(new URL('/options?state=2&from=1945&to=2018', site.server.url).toString());
      await waitForLoads(1);
      const data = await series({ state: 2, from: 1945, to: 2018, step: 'YEAR' });
      const pts = data.outsideOptionsSeries;
      const s = await stateOf();
      expect(s.error).toBeNull();
      expect([s.state, s.from, s.to, s.points]).toEqual([2, 1945, 2018, 74]);
      expect(pts).toHaveLength(74);
      // 2017 and 2018: the state system and NMC end in 2016, no option is covered.
      const none = pts.filter((p) => p.options.overall === null).map((p) => p.year);
      expect(none).toEqual([2017, 2018]);
      expect(s.uncoveredYears).toBe(2);
      expect(await site.page.locator('#chart rect.uncovered').count()).toBe(2);
      // After 1949 the record (concurrent talks) does not cover any year: those points are partial.
      expect(s.partialPoints).toBe(pts.filter((p) => p.options.overall !== null && !p.options.complete).length);
      expect(s.partialPoints).toBeGreaterThan(60);
      expect(await site.page.locator('#chart circle.point.partial').count()).toBe(s.partialPoints);
      expect(await site.page.locator('#chart text.era-label').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/Cold War/)]),
      );
      await expect.poll(() => site.page.locator('#coverage-note').innerText()).toMatch(/ends in 2016/);
      await site.page.screenshot({ path: join(SHOTS, 'options-2-1945-2018.png') });
      for (const url of site.requests) expect(new URL(url).origin, url).toBe(site.origin);
      expect(site.consoleErrors).toEqual([]);
    });

    it('a state picked by name from the searchable list: Italy 1950–1990', async () => {
      site.consoleErrors.length = 0;
      await site.page.waitForFunction(
        () => ((globalThis as unknown as { optionsState?: OptionsState }).optionsState?.states ?? 0) > 200,
        null,
        { timeout: 60_000 },
      );
      const options = await site.page
        .locator('#state-list option')
        .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
      expect(options).toContain('Italy (ITA, 325)');
      const before = (await stateOf()).loads;
      await site.page.locator('#state').fill('Italy');
      await site.page.locator('#from').fill('1950');
      await site.page.locator('#to').fill('1990');
      await site.page.locator('#step').selectOption('YEAR');
      await site.page.locator('#controls button[type=submit]').click();
      await waitForLoads(before + 1);
      const s = await stateOf();
      expect([s.state, s.from, s.to, s.points, s.error]).toEqual([325, 1950, 1990, 41, null]);
      expect(new URL(site.page.url()).search).toBe('?state=325&from=1950&to=1990&step=YEAR');
      await site.page.screenshot({ path: join(SHOTS, 'options-325-cold-war.png') });
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
