/**
 * `outsideOptionsSeries` (issue #16, part 3): a state's outside options year by year or era by era,
 * on the curated seed plus the published data sets. Each point is exactly the single-date
 * `outsideOptions(party, at)`; the whole series is one batch (its store round trips do not grow with
 * the number of years); bad inputs give coded errors; the cost model admits a 1815–1949 series and
 * refuses a thousand aliases of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { createTestApi, type TestApi } from '../helpers/testApi.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { hasSharedData, requireDataOrSkip, sharedDataSkipReason } from '../helpers/sharedData.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import {
  assessOutsideOptions,
  dateRequest,
  midpoint,
  outsideOptionsSeries,
  type OptionResult,
} from '../../src/analysis/outsideOptions/index.js';
import { estimateCost } from '../../src/limits/cost.js';
import { buildAppSchema } from '../../src/buildAppSchema.js';
import { OPTIONS_QUERIES } from '../../src/web/options/queries.js';

requireDataOrSkip();

const title = sharedDataSkipReason
  ? `outsideOptionsSeries (${sharedDataSkipReason})`
  : 'outsideOptionsSeries on the seed and the imported data';

interface Options {
  overall: number;
  alternativeAllies: {
    attractiveness: number;
    allies: {
      state: { ccode: number };
      score: number;
      components: Record<string, number | null>;
      reasons: { text: string }[];
    }[];
  };
  unilateral: {
    attractiveness: number | null;
    partyCinc: number | null;
    targetCinc: number | null;
    majorPower: boolean | null;
  };
  buckPassing: { attractiveness: number; buckCatchers: { state: { ccode: number }; cinc: number | null }[] };
}
const FULL = `overall
  alternativeAllies { attractiveness allies { state { ccode } score components { capability sharedTarget ties concurrentTalks } reasons { text } } }
  unilateral { attractiveness partyCinc targetCinc majorPower }
  buckPassing { attractiveness buckCatchers { state { ccode } cinc } }`;
const LIGHT =
  'overall alternativeAllies { attractiveness } unilateral { attractiveness } buckPassing { attractiveness }';

interface LightPoint {
  year: number | null;
  at: string;
  from: string;
  to: string;
  era: { key: string } | null;
  options: {
    overall: number;
    alternativeAllies: { attractiveness: number };
    unilateral: { attractiveness: number | null };
    buckPassing: { attractiveness: number };
  };
  topAllies: { score: number; state: { ccode: number } }[];
}
const SERIES = `query ($state: Int!, $from: Int!, $to: Int!, $step: SeriesStep!) {
  outsideOptionsSeries(state: $state, from: $from, to: $to, step: $step) { year at from to era { key } options { ${LIGHT} } topAllies { score state { ccode } } }
}`;
const AT = `query ($party: Int!, $at: Date!) { outsideOptions(party: $party, at: $at) { ${FULL} } }`;

/** Years spread over the range, in five eras (Concert, Bismarckian, imperial rivalry, interwar, Second World War). */
const SPREAD = [1816, 1850, 1878, 1901, 1938, 1942];

describe.skipIf(!hasSharedData)(title, () => {
  let ex: QueryExecutor;
  let api: TestApi;
  let years: { points: LightPoint[]; roundTrips: number };
  beforeAll(async () => {
    ex = await seededAndImported();
    api = await createTestApi(ex);
    const t0 = performance.now();
    const r = await api.run<{ outsideOptionsSeries: LightPoint[] }>(SERIES, {
      state: 200,
      from: 1815,
      to: 1949,
      step: 'YEAR',
    });
    expect(r.errors).toBeUndefined();
    years = { points: r.data!.outsideOptionsSeries, roundTrips: r.roundTrips };
    console.log(
      `outsideOptionsSeries(200, 1815–1949, YEAR): ${Math.round(performance.now() - t0)} ms, ${r.roundTrips} round trips`,
    );
  }, 180_000);

  const single = async (party: number, at: string): Promise<Options> => {
    const r = await api.run<{ outsideOptions: Options }>(AT, { party, at });
    expect(r.errors).toBeUndefined();
    return r.data!.outsideOptions;
  };

  it('Britain 1815–1949 by year: 135 points, one per year, read on 1 July, each in its era', () => {
    const points = years.points;
    expect(points).toHaveLength(135);
    expect(points.map((p) => p.year)).toEqual(Array.from({ length: 135 }, (_, i) => 1815 + i));
    for (const p of points) {
      expect(p.at).toBe(`${p.year}-07-01`);
      expect([p.from, p.to]).toEqual([`${p.year}-01-01`, `${p.year}-12-31`]);
      for (const v of [
        p.options.overall,
        p.options.alternativeAllies.attractiveness,
        p.options.buckPassing.attractiveness,
      ])
        expect(v).toBeGreaterThanOrEqual(0);
      expect(p.options.overall).toBe(
        Math.max(
          p.options.alternativeAllies.attractiveness,
          p.options.unilateral.attractiveness ?? 0,
          p.options.buckPassing.attractiveness,
        ),
      );
      expect(p.topAllies.length).toBeLessThanOrEqual(3);
    }
    const eraOf = (y: number) => points.find((p) => p.year === y)!.era?.key;
    expect([eraOf(1850), eraOf(1878), eraOf(1901), eraOf(1916), eraOf(1938), eraOf(1942), eraOf(1949)]).toEqual([
      'concert-of-europe',
      'bismarckian-system',
      'imperial-rivalry',
      'first-world-war',
      'interwar',
      'second-world-war',
      'early-cold-war',
    ]);
    // The options do move: not one value repeated over 135 years.
    expect(new Set(points.map((p) => p.options.overall)).size).toBeGreaterThan(10);
  });

  it('each point equals outsideOptions(party, at: <that 1 July>) asked on its own', async () => {
    for (const year of SPREAD) {
      const p = years.points.find((x) => x.year === year)!;
      const o = await single(200, p.at);
      expect({
        year,
        overall: p.options.overall,
        ally: p.options.alternativeAllies.attractiveness,
        unilateral: p.options.unilateral.attractiveness,
        buck: p.options.buckPassing.attractiveness,
      }).toEqual({
        year,
        overall: o.overall,
        ally: o.alternativeAllies.attractiveness,
        unilateral: o.unilateral.attractiveness,
        buck: o.buckPassing.attractiveness,
      });
      expect(p.topAllies).toEqual(
        o.alternativeAllies.allies.slice(0, 3).map((a) => ({ score: a.score, state: { ccode: a.state.ccode } })),
      );
    }
    // The whole result, field for field, on a short series: the same request as the single date.
    const r = await api.run<{ outsideOptionsSeries: { at: string; options: Options }[] }>(
      `{ outsideOptionsSeries(state: 200, from: 1900, to: 1902) { at options { ${FULL} } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.outsideOptionsSeries[1]!.options).toEqual(await single(200, '1901-07-01'));
  });

  it('the analysis function gives the single-date results, whole, in one batch', async () => {
    const points = await outsideOptionsSeries(ex, { state: 200, from: 1815, to: 1949, step: 'YEAR' });
    // Reason texts name states by the abbreviations of the states in the system at the batch's
    // dates (readOptionInputs's `names`), so a state outside the system at a single date is named by
    // its ccode there and by its abbreviation in a batch that reaches later years (775 / MYA): the
    // texts are compared with state labels blanked, everything else exactly.
    const blank = (r: OptionResult) =>
      JSON.parse(
        JSON.stringify(r, (k, v) =>
          k === 'text' && typeof v === 'string' ? v.replace(/\b([A-Z]{3}|\d{1,3})\b(?=[/ ]|\))/g, '·') : v,
        ),
      ) as unknown;
    for (const year of SPREAD) {
      const [alone] = await assessOutsideOptions(ex, [dateRequest(200, `${year}-07-01`)]);
      const point = points.find((p) => p.year === year)!.result;
      expect(blank(point)).toEqual(blank(alone!));
      expect({ ...point, alternativeAllies: null, buckPassing: { ...point.buckPassing, reasons: null } }).toEqual({
        ...alone!,
        alternativeAllies: null,
        buckPassing: { ...alone!.buckPassing, reasons: null },
      });
      expect(point.alternativeAllies.allies.map((a) => [a.state, a.score, a.components])).toEqual(
        alone!.alternativeAllies.allies.map((a) => [a.state, a.score, a.components]),
      );
    }
  });

  it('by era: one point per era meeting the range, read on the midpoint of its part of the range', async () => {
    const r = await api.run<{
      outsideOptionsSeries: LightPoint[];
      eras: { key: string; start: string; end: string }[];
    }>(
      `query ($state: Int!) { eras { key start end } outsideOptionsSeries(state: $state, step: ERA) { year at from to era { key } options { ${LIGHT} } topAllies { score state { ccode } } } }`,
      { state: 200 },
    );
    expect(r.errors).toBeUndefined();
    const { outsideOptionsSeries: points, eras } = r.data!;
    const inRange = eras.filter((e) => e.start <= '1949-12-31' && e.end >= '1815-01-01');
    expect(points.map((p) => p.era!.key)).toEqual(inRange.map((e) => e.key));
    expect(points).toHaveLength(8);
    for (const p of points) {
      const e = inRange.find((x) => x.key === p.era!.key)!;
      expect(p.year).toBeNull();
      expect(p.from).toBe(e.start < '1815-01-01' ? '1815-01-01' : e.start);
      expect(p.to).toBe(e.end > '1949-12-31' ? '1949-12-31' : e.end);
      expect(p.at).toBe(midpoint(p.from, p.to));
    }
    expect(points.at(-1)!.to).toBe('1949-12-31'); // the early Cold War, cut at the end of the range
    // A shorter range keeps only the eras it meets, clipped.
    const short = await api.run<{ outsideOptionsSeries: LightPoint[] }>(SERIES, {
      state: 200,
      from: 1900,
      to: 1920,
      step: 'ERA',
    });
    expect(short.data!.outsideOptionsSeries.map((p) => p.era!.key)).toEqual([
      'imperial-rivalry',
      'first-world-war',
      'interwar',
    ]);
    expect(short.data!.outsideOptionsSeries[0]!.from).toBe('1900-01-01');
    // Two eras' points, each the single-date answer on its midpoint.
    for (const p of [points[1]!, points[5]!]) {
      const o = await single(200, p.at);
      expect([
        p.options.overall,
        p.options.alternativeAllies.attractiveness,
        p.options.unilateral.attractiveness,
        p.options.buckPassing.attractiveness,
      ]).toEqual([
        o.overall,
        o.alternativeAllies.attractiveness,
        o.unilateral.attractiveness,
        o.buckPassing.attractiveness,
      ]);
    }
  });

  it('is read in one batch: 135 years cost the same store round trips as 2', async () => {
    const two = await api.run(SERIES, { state: 200, from: 1900, to: 1901, step: 'YEAR' });
    const one = await api.run(SERIES, { state: 200, from: 1900, to: 1900, step: 'YEAR' });
    const eras = await api.run(SERIES, { state: 200, from: 1815, to: 1949, step: 'ERA' });
    expect(two.errors).toBeUndefined();
    console.log(
      `round trips: 1 year ${one.roundTrips}, 2 years ${two.roundTrips}, 135 years ${years.roundTrips}, 8 eras ${eras.roundTrips}`,
    );
    expect(years.roundTrips).toBe(two.roundTrips);
    expect(years.roundTrips).toBe(one.roundTrips);
    expect(eras.roundTrips).toBe(two.roundTrips);
    // The state and the eras, then the two waves of readOptionInputs: a couple of dozen queries, never one set per year.
    expect(years.roundTrips).toBeLessThanOrEqual(30);
  });

  it('bad inputs give coded errors', async () => {
    const code = async (query: string, variables?: Record<string, unknown>) => {
      const r = await api.run(query, variables);
      expect(r.errors, query).toBeDefined();
      return r.errors![0]!.extensions?.code;
    };
    const series = (args: string) => `{ outsideOptionsSeries(${args}) { at } }`;
    expect(await code(series('state: 999'))).toBe('NOT_FOUND');
    expect(await code(series('state: 200, from: 1900, to: 1899'))).toBe('BAD_USER_INPUT');
    expect(await code(series('state: 200, from: 1700, to: 1800'))).toBe('BAD_USER_INPUT');
    expect(await code(series('state: 200, from: 1815, to: 1950'))).toBe('BAD_USER_INPUT');
    expect(await code(series('state: 200, from: 1815, to: 3000'))).toBe('BAD_USER_INPUT');
    expect(await code(series('state: 200, topAllies: -1'))).toBe('BAD_USER_INPUT');
    expect(await code(series('state: 200, step: MONTH'))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await code('{ outsideOptions(party: 200) { overall } }')).toBe('BAD_USER_INPUT');
    expect(await code('{ outsideOptions(party: 200, at: "1901", negotiation: "anglo-german-1898") { overall } }')).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code('{ outsideOptions(party: 999, at: "1901") { overall } }')).toBe('NOT_FOUND');
    await expect(outsideOptionsSeries(ex, { state: 200, from: 1949, to: 1815, step: 'YEAR' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it("the cost model admits the page's 1815–1949 query and refuses a thousand aliases of a series", async () => {
    parse(OPTIONS_QUERIES.series);
    const page = await api.run<{
      outsideOptionsSeries: unknown[];
      state: { negotiations: unknown[] };
      eras: unknown[];
    }>(OPTIONS_QUERIES.series, { state: 200, from: 1815, to: 1949, step: 'YEAR' });
    expect(page.errors).toBeUndefined();
    expect(page.data!.outsideOptionsSeries).toHaveLength(135);
    for (const q of [OPTIONS_QUERIES.point, OPTIONS_QUERIES.negotiation]) {
      const r = await api.run(q, { party: 200, at: '1901-07-01', id: 'anglo-german-1898' });
      expect(r.errors, q).toBeUndefined();
    }
    // The estimate: a full series with the page's selection under MAX_COST (25,000), 1,000 aliases
    // of a one-year series over twice it (the server's token limit refuses that document even earlier).
    const schema = await buildAppSchema();
    const cost = (query: string, variables: Record<string, unknown> = {}) => {
      const document = parse(query, { maxTokens: 1_000_000 });
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
      return estimateCost({ schema, document, operation: operation as never, variables });
    };
    const pageCost = cost(OPTIONS_QUERIES.series, { state: 200, from: 1815, to: 1949, step: 'YEAR' });
    const oneYear = cost('{ outsideOptionsSeries(state: 200, from: 1900, to: 1900) { at } }');
    const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: outsideOptionsSeries(state: 200, from: 1900, to: 1900) { at }`).join(' ')} }`;
    console.log(
      `cost: the page's 135-year query ${pageCost}, one year ${oneYear}, 8 eras ${cost(OPTIONS_QUERIES.series, { state: 200, from: 1815, to: 1949, step: 'ERA' })}, 1,000 aliases ${cost(aliases)}`,
    );
    expect(pageCost).toBeLessThan(25_000);
    expect(cost(aliases)).toBeGreaterThan(2 * 25_000);
    const refused = await api.run(aliases);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(refused.errors?.[0]?.extensions?.code);
    expect(refused.roundTrips).toBe(0);
    const thirty = await api.run(
      `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: outsideOptionsSeries(state: 200, from: 1815, to: 1949) { at }`).join(' ')} }`,
    );
    expect(thirty.errors?.[0]?.extensions?.limit).toBe('MAX_COST');
    expect(thirty.roundTrips).toBe(0);
    // Two full series with the page's selection in one request are over the limit too; one is not.
    const selection =
      'year at from to era { key name } options { overall alternativeAllies { attractiveness } unilateral { attractiveness } buckPassing { attractiveness } } topAllies { score state { abbrev } }';
    const two = await api.run(
      `{ a: outsideOptionsSeries(state: 200) { ${selection} } b: outsideOptionsSeries(state: 220) { ${selection} } }`,
    );
    expect(two.errors?.[0]?.extensions?.limit).toBe('MAX_COST');
  });
});
