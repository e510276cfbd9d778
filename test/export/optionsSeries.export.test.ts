/**
 * The outside-options series as CSV (`GET /export/options-series`, `export options-series` on the
 * command line), on the curated seed plus the published data sets: the rows are the GraphQL
 * `outsideOptionsSeries`, column for column, with the coverage of each point (`complete`,
 * `not_covered`); bad parameters answer 400 before anything is written.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { startServer, type RunningServer } from '../../src/server.js';
import { OPTIONS_SERIES_COLUMNS } from '../../src/export/optionsSeries.export.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { createTestApi, testLimits, type TestApi } from '../helpers/testApi.js';
import { hasSharedData, sharedDataRequired, sharedDataSkipReason } from '../helpers/sharedData.js';
import { releaseInfo } from '../../src/releaseInfo.js';

if (!hasSharedData && sharedDataRequired)
  throw new Error(`options-series export tests need the published data sets in CI: ${sharedDataSkipReason}`);

interface Point {
  year: number | null;
  at: string;
  from: string;
  to: string;
  era: { key: string; name: string } | null;
  options: {
    overall: number | null;
    complete: boolean;
    coverage: { layer: string; imported: boolean; covered: boolean; years: { from: number; to: number } | null }[];
    alternativeAllies: { attractiveness: number | null };
    unilateral: { attractiveness: number | null };
    buckPassing: { attractiveness: number | null };
  };
  topAllies: { score: number; state: { ccode: number; abbrev: string } }[];
}
const SERIES = `query ($state: Int!, $from: Int, $to: Int, $step: SeriesStep!) {
  outsideOptionsSeries(state: $state, from: $from, to: $to, step: $step) {
    year at from to era { key name }
    options {
      overall complete coverage { layer imported covered years { from to } }
      alternativeAllies { attractiveness } unilateral { attractiveness } buckPassing { attractiveness }
    }
    topAllies { score state { ccode abbrev } }
  }
}`;

/** What the CSV row of a GraphQL point must be (every cell as text, empty for null). */
const expectedRow = (state: number, step: string, p: Point): Record<string, string> => {
  const cell = (v: number | string | null) => (v === null ? '' : String(v));
  return {
    ccode: String(state),
    step,
    year: cell(p.year),
    era: cell(p.era?.key ?? null),
    era_name: cell(p.era?.name ?? null),
    from: p.from,
    to: p.to,
    at: p.at,
    overall: cell(p.options.overall),
    alternative_ally: cell(p.options.alternativeAllies.attractiveness),
    unilateral: cell(p.options.unilateral.attractiveness),
    buck_passing: cell(p.options.buckPassing.attractiveness),
    targets: '',
    top_allies: p.topAllies.map((a) => `${a.state.ccode}:${a.state.abbrev}:${a.score}`).join(';'),
    complete: p.options.complete ? '1' : '0',
    not_covered: p.options.coverage
      .filter((l) => !l.covered)
      .map((l) => `${l.layer}:${!l.imported ? 'not imported' : l.years ? `${l.years.from}-${l.years.to}` : 'no years'}`)
      .join(';'),
  };
};

describe.skipIf(!hasSharedData)(
  `options-series export${sharedDataSkipReason ? ` (${sharedDataSkipReason})` : ''}`,
  () => {
    let server: RunningServer;
    let api: TestApi;
    const get = (path: string) => fetch(new URL(path, server.url));

    beforeAll(async () => {
      const executor = await seededAndImported();
      // The reference answers ask every layer's coverage of every point (a heavy selection, over
      // MAX_COST for 135 years): the comparison's own API admits it; the CSV does not go through the cost model.
      api = await createTestApi(executor, { ...testLimits, maxCost: 100_000 });
      // The 135-year series takes ~4 s on an idle 2-core machine; a generous deadline keeps a loaded one from failing it.
      server = await startServer({
        executor,
        limits: { ...testLimits, requestTimeoutMs: 120_000 },
        port: 0,
        host: '127.0.0.1',
      });
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    });

    const compare = async (query: string, variables: { state: number; from?: number; to?: number; step: string }) => {
      const res = await get(`/export/options-series?${query}`);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      const text = await res.text();
      expect(text.split('\n')[0]).toBe(OPTIONS_SERIES_COLUMNS.join(','));
      const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
      const g = await api.run<{ outsideOptionsSeries: Point[] }>(SERIES, variables);
      expect(g.errors).toBeUndefined();
      const points = g.data!.outsideOptionsSeries;
      expect(rows).toHaveLength(points.length);
      rows.forEach((row, i) => {
        expect(row.targets).toMatch(/^(\d+(;\d+)*)?$/);
        expect({ ...row, targets: '' }).toEqual(expectedRow(variables.state, variables.step, points[i]!));
      });
      return rows;
    };

    it('Britain 1815–1949 by year: 135 rows, each the GraphQL point of its year', async () => {
      const rows = await compare('state=200&from=1815&to=1949&step=YEAR', {
        state: 200,
        from: 1815,
        to: 1949,
        step: 'YEAR',
      });
      expect(rows).toHaveLength(135);
      expect(rows[0]!.year).toBe('1815');
      expect(rows.at(-1)!.year).toBe('1949');
      expect(rows.some((r) => (r.top_allies ?? '').split(';').length === 3)).toBe(true);
    });

    it('by era (the default range, the years of the data, 1815–2018): one row per era, the GraphQL points', async () => {
      const rows = await compare('state=200&step=era', { state: 200, step: 'ERA' });
      expect(rows.map((r) => r.era)).toEqual([
        'concert-of-europe',
        'unification-wars',
        'bismarckian-system',
        'imperial-rivalry',
        'first-world-war',
        'interwar',
        'second-world-war',
        'early-cold-war',
        'crises-and-detente',
        'late-cold-war',
        'after-the-cold-war',
      ]);
      expect(rows.at(-1)!.to).toBe('2018-12-31');
      expect(rows.every((r) => r.year === '')).toBe(true);
    });

    it('the United States 1945–2018: coverage columns per row; years past the data empty, not zero', async () => {
      const rows = await compare('state=2&from=1945&to=2018', { state: 2, from: 1945, to: 2018, step: 'YEAR' });
      expect(rows).toHaveLength(74);
      const row = (y: number) => rows.find((r) => r.year === String(y))!;
      expect(row(1946)).toMatchObject({ complete: '1', not_covered: '' });
      expect(row(1970)).toMatchObject({ complete: '0', not_covered: 'record:1815-1949' });
      expect(row(2012)).toMatchObject({
        complete: '0',
        not_covered: 'record:1815-1949;mid:1816-2010;cow-wars:1823-2003',
      });
      expect(row(2017)).toMatchObject({ overall: '', alternative_ally: '', unilateral: '', buck_passing: '' });
      expect(row(2017).not_covered!.split(';')).toEqual(
        expect.arrayContaining(['cow-states:1816-2016', 'nmc:1816-2016']),
      );
      // The default range fills in the years of the file's name.
      const res = await get('/export/options-series?state=2&step=ERA&download');
      expect(res.headers.get('content-disposition')).toMatch(/outside-options-2-1815-2018-era-v[^"]+\.csv/);
    });

    it('a download is an attachment named after the series and the record release, which a header carries too', async () => {
      const res = await get('/export/options-series?state=220&from=1900&to=1901&download');
      expect(res.status).toBe(200);
      const { version } = releaseInfo();
      expect(res.headers.get('content-disposition')?.replace(/"/g, '')).toBe(
        `attachment; filename=outside-options-220-1900-1901-year-v${version}.csv`,
      );
      expect(res.headers.get('alliance-graph-release')).toBe(version);
      expect(parseCsv(await res.text(), { columns: true })).toHaveLength(2);
    });

    it('bad parameters answer 400 (or 404 for an unknown state) before anything is written', async () => {
      for (const [q, status, code] of [
        ['from=1815', 400, 'BAD_USER_INPUT'],
        ['state=abc', 400, 'BAD_USER_INPUT'],
        ['state=200&from=1900&to=1800', 400, 'BAD_USER_INPUT'],
        ['state=200&from=1700', 400, 'BAD_USER_INPUT'],
        ['state=200&to=2101', 400, 'BAD_USER_INPUT'],
        ['state=200&from=1800&to=2100', 400, 'BAD_USER_INPUT'],
        ['state=200&step=MONTH', 400, 'BAD_USER_INPUT'],
        ['state=200&state=220', 400, 'BAD_USER_INPUT'],
        ['state=999', 404, 'NOT_FOUND'],
      ] as const) {
        const res = await get(`/export/options-series?${q}`);
        expect(res.status, q).toBe(status);
        expect(res.headers.get('content-type')).toMatch(/application\/json/);
        expect(((await res.json()) as { code: string }).code, q).toBe(code);
      }
    });

    it('a cross-site request is refused like the other exports', async () => {
      const res = await fetch(new URL('/export/options-series?state=200&from=1900&to=1900', server.url), {
        headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
      });
      expect(res.status).toBe(403);
    });
  },
);
