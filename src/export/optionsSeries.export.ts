/**
 * A state's outside options over time as CSV: the rows of `outsideOptionsSeries` (GraphQL), one per
 * year or era, computed in one batch (`src/analysis/outsideOptions/series.ts`).
 *
 * `GET /export/options-series?state=200&from=1815&to=2018&step=YEAR` (from, to and step optional: the
 * years of the alliance data, `analysisSpan`, and YEAR) and `alliance-graph export options-series
 * --state 200 [--from 1945 --to 2018 --step ERA]`.
 *
 * Columns:
 *
 * | column | what |
 * |---|---|
 * | `ccode` | the state |
 * | `step` | YEAR or ERA |
 * | `year` | the year (YEAR step; empty for an era) |
 * | `era`, `era_name` | the era the point's date falls in (YEAR) or the point's era (ERA) |
 * | `from`, `to` | the span the point stands for: the year, or the era within the range |
 * | `at` | the date the options are read on (1 July; an era's midpoint) |
 * | `overall` | the best of the three options, in [0, 1] |
 * | `alternative_ally`, `unilateral`, `buck_passing` | the attractiveness of each (unilateral empty without capability data) |
 * | `targets` | ccodes of the targets the options are measured against (;-separated) |
 * | `top_allies` | the best alternative allies, best first, as `ccode:ABBREV:score` (;-separated; at most TOP_ALLIES) |
 * | `complete` | 1 when every data set behind the figures covers the date, else 0 |
 * | `not_covered` | those that do not, as `name:from-to` (`record:1815-1949`, `mid:1816-2010`; `nmc:not imported`), ;-separated |
 *
 * A figure whose data sets do not cover the date is empty (not covered), never 0.
 */
import type { Writable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { BadInputError } from '../errors/index.js';
import {
  SERIES_STEPS,
  outsideOptionsSeries,
  type SeriesPoint,
  type SeriesQuery,
  type SeriesStep,
} from '../analysis/outsideOptions/index.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { Logger } from '../logger.js';
import type { Slots } from '../limits/concurrency.js';
import { answerExportError, parseOr400, startExport } from './exportSlot.js';
import * as q from '../store/queries.gen.js';
import { versionedFileName } from '../releaseInfo.js';

export const OPTIONS_SERIES_COLUMNS = [
  'ccode',
  'step',
  'year',
  'era',
  'era_name',
  'from',
  'to',
  'at',
  'overall',
  'alternative_ally',
  'unilateral',
  'buck_passing',
  'targets',
  'top_allies',
  'complete',
  'not_covered',
] as const;
export type OptionsSeriesRow = Record<(typeof OPTIONS_SERIES_COLUMNS)[number], string | number | null>;

/** Alternative allies listed in `top_allies` (the GraphQL field's default, `topAllies: 3`). */
export const TOP_ALLIES = 3;

function wholeNumber(value: unknown, name: string, fallback?: number): number {
  if (value === undefined || value === '') {
    if (fallback === undefined) throw new BadInputError(`${name} is required`, name);
    return fallback;
  }
  if (Array.isArray(value)) throw new BadInputError(`${name} given more than once`, name);
  const text = String(value).trim();
  if (!/^\d{1,4}$/.test(text))
    throw new BadInputError(`${name} must be a whole number (got ${JSON.stringify(value)})`, name);
  return Number(text);
}

/** Query string or CLI flags → the series' arguments (BAD_USER_INPUT for anything malformed); from and to may be left to the default range. */
export function parseOptionsSeriesRequest(raw: {
  state?: unknown;
  from?: unknown;
  to?: unknown;
  step?: unknown;
}): SeriesQuery {
  if (Array.isArray(raw.step)) throw new BadInputError('step given more than once', 'step');
  const step = raw.step === undefined || raw.step === '' ? 'YEAR' : String(raw.step).toUpperCase();
  if (!(SERIES_STEPS as readonly string[]).includes(step))
    throw new BadInputError(`step must be one of ${SERIES_STEPS.join(', ')}`, 'step');
  return {
    state: wholeNumber(raw.state, 'state'),
    from: raw.from === undefined || raw.from === '' ? null : wholeNumber(raw.from, 'from'),
    to: raw.to === undefined || raw.to === '' ? null : wholeNumber(raw.to, 'to'),
    step: step as SeriesStep,
  };
}

const fmt = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

/** The rows of a computed series (`abbrevs`: ccode → COW abbreviation, for top_allies). */
export function optionsSeriesRows(
  args: Pick<SeriesQuery, 'state' | 'step'>,
  points: readonly SeriesPoint[],
  abbrevs: ReadonlyMap<number, string>,
): OptionsSeriesRow[] {
  return points.map((p) => ({
    ccode: args.state,
    step: args.step,
    year: p.year,
    era: p.era?.key ?? null,
    era_name: p.era?.name ?? null,
    from: p.from,
    to: p.to,
    at: p.at,
    overall: fmt(p.result.overall),
    alternative_ally: fmt(p.result.alternativeAllies.attractiveness),
    unilateral: fmt(p.result.unilateral.attractiveness),
    buck_passing: fmt(p.result.buckPassing.attractiveness),
    targets: p.result.targets.join(';'),
    top_allies: p.result.alternativeAllies.allies
      .slice(0, TOP_ALLIES)
      .map((a) => `${a.state}:${abbrevs.get(a.state) ?? ''}:${a.score}`)
      .join(';'),
    complete: p.result.coverage.complete ? 1 : 0,
    not_covered: p.result.coverage.layers
      .filter((l) => !l.covered)
      .map((l) => `${l.layer}:${!l.loaded ? 'not imported' : l.span ? `${l.span.from}-${l.span.to}` : 'no years'}`)
      .join(';'),
  }));
}

/** Computes the series (one batch) and writes it as CSV with a header. */
export async function writeOptionsSeriesCsv(
  ex: QueryExecutor,
  args: SeriesQuery,
  out: Writable,
  options: { end?: boolean } = {},
): Promise<SeriesPoint[]> {
  const points = await outsideOptionsSeries(ex, args);
  const allies = [
    ...new Set(points.flatMap((p) => p.result.alternativeAllies.allies.slice(0, TOP_ALLIES).map((a) => a.state))),
  ];
  const abbrevs = new Map(
    (allies.length ? await ex.read(q.statesByCcodes, { ccodes: allies }) : []).map((s) => [s.ccode, s.abbrev]),
  );
  const csv = stringify(optionsSeriesRows(args, points, abbrevs), {
    header: true,
    columns: [...OPTIONS_SERIES_COLUMNS],
  });
  out.write(csv);
  if (options.end ?? true) await new Promise<void>((resolve) => out.end(resolve));
  return points;
}

/**
 * `outside-options-200-1815-2018-year-v1.0.0.csv`: the years those of the points when they are known
 * (the default range filled in), else those asked; left out when the data's years are meant.
 */
export const optionsSeriesFileName = (
  a: Pick<SeriesQuery, 'state' | 'step' | 'from' | 'to'>,
  points?: readonly SeriesPoint[],
) => {
  const from = points?.length ? points[0]!.from.slice(0, 4) : a.from;
  const to = points?.length ? points.at(-1)!.to.slice(0, 4) : a.to;
  const years = from != null && to != null ? `-${from}-${to}` : '';
  return versionedFileName(`outside-options-${a.state}${years}-${a.step.toLowerCase()}`, 'csv');
};

/**
 * The handler of `GET /export/options-series`, mounted by exportRouter before `/export/:format`:
 * the same concurrency slots, deadline and error answers as the other exports (the router's
 * cross-site refusal applies to it as to them).
 */
export function optionsSeriesHandler(
  executor: QueryExecutor,
  options: { slots: Slots; timeoutMs: number; retryAfter: number; logger?: Logger },
): RequestHandler {
  const { slots, timeoutMs, retryAfter, logger } = options;
  return async (req: Request, res: Response) => {
    const qs = req.query as Record<string, unknown>;
    const args = parseOr400(res, () =>
      parseOptionsSeriesRequest({ state: qs.state, from: qs.from, to: qs.to, step: qs.step }),
    );
    if (!args) return;
    const ex = startExport(executor, req, res, { slots, timeoutMs, retryAfter, logger });
    if (!ex) return;
    const t0 = performance.now();
    try {
      // Computed before the first byte: a bad state or range still answers with a JSON error.
      const chunks: string[] = [];
      const sink = {
        write: (c: string) => {
          chunks.push(c);
          return true;
        },
        end: (cb: () => void) => cb(),
      } as unknown as Writable;
      const points = await writeOptionsSeriesCsv(ex, args, sink);
      res.status(200).type('text/csv; charset=utf-8');
      if (req.query.download !== undefined) res.attachment(optionsSeriesFileName(args, points));
      res.end(chunks.join(''));
      logger?.info({ export: 'options-series', ms: Math.round(performance.now() - t0) }, 'export');
    } catch (e) {
      answerExportError(e, res, { name: 'options-series', retryAfter, logger });
    }
  };
}
