/**
 * A state's outside options over time as CSV: the rows of `outsideOptionsSeries` (GraphQL), one per
 * year or era, computed in one batch (`src/analysis/outsideOptions/series.ts`).
 *
 * `GET /export/options-series?state=200&from=1815&to=1949&step=YEAR` (from, to and step optional:
 * 1815, 1949, YEAR) and `alliance-graph export options-series --state 200 [--from 1815 --to 1949 --step ERA]`.
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
 */
import type { Writable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { BadInputError } from '../errors/index.js';
import {
  SERIES_FIRST_YEAR,
  SERIES_LAST_YEAR,
  SERIES_STEPS,
  outsideOptionsSeries,
  type SeriesArgs,
  type SeriesPoint,
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

/** Query string or CLI flags → the series' arguments (BAD_USER_INPUT for anything malformed). */
export function parseOptionsSeriesRequest(raw: {
  state?: unknown;
  from?: unknown;
  to?: unknown;
  step?: unknown;
}): SeriesArgs {
  if (Array.isArray(raw.step)) throw new BadInputError('step given more than once', 'step');
  const step = raw.step === undefined || raw.step === '' ? 'YEAR' : String(raw.step).toUpperCase();
  if (!(SERIES_STEPS as readonly string[]).includes(step))
    throw new BadInputError(`step must be one of ${SERIES_STEPS.join(', ')}`, 'step');
  return {
    state: wholeNumber(raw.state, 'state'),
    from: wholeNumber(raw.from, 'from', SERIES_FIRST_YEAR),
    to: wholeNumber(raw.to, 'to', SERIES_LAST_YEAR),
    step: step as SeriesStep,
  };
}

const fmt = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);

/** The rows of a computed series (`abbrevs`: ccode → COW abbreviation, for top_allies). */
export function optionsSeriesRows(
  args: SeriesArgs,
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
  }));
}

/** Computes the series (one batch) and writes it as CSV with a header. */
export async function writeOptionsSeriesCsv(
  ex: QueryExecutor,
  args: SeriesArgs,
  out: Writable,
  options: { end?: boolean } = {},
): Promise<void> {
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
}

export const optionsSeriesFileName = (a: SeriesArgs) =>
  versionedFileName(`outside-options-${a.state}-${a.from}-${a.to}-${a.step.toLowerCase()}`, 'csv');

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
      await writeOptionsSeriesCsv(ex, args, sink);
      res.status(200).type('text/csv; charset=utf-8');
      if (req.query.download !== undefined) res.attachment(optionsSeriesFileName(args));
      res.end(chunks.join(''));
      logger?.info({ export: 'options-series', ms: Math.round(performance.now() - t0) }, 'export');
    } catch (e) {
      answerExportError(e, res, { name: 'options-series', retryAfter, logger });
    }
  };
}
