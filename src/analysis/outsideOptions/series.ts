/**
 * A state's outside options over time, for analysts (issue #16): one point per year (read on
 * 1 July, `midYear`) or per era (read on the midpoint of the era's part of the range), each the
 * same date request as a single `outsideOptions(party, at)` and scored the same way. All the
 * points go through one batch (`loadMany` on the request's loader, or `assessOutsideOptions`
 * directly): the two waves of reads of `readOptionInputs` run once for the whole series, so 204
 * years cost the same store round trips as 2. Each point says which data sets cover its date
 * (`result.coverage`); the default range is the years of the alliance data (`analysisSpan`).
 */
import { BadInputError, NotFoundError } from '../../errors/index.js';
import {
  SERIES_STEPS,
  addDays,
  analysisSpan,
  covers,
  midYear,
  overlaps,
  yearEnd,
  yearStart,
  type SeriesStep,
} from '../../domain/index.js';
import { readLoadedLayers } from '../../reads/loadedLayers.js';
import type { QueryExecutor } from '../../store/QueryExecutor.js';
import * as q from '../../store/queries.gen.js';
import { dateRequest } from './buildRequest.js';
import { assessOutsideOptions, type OutsideOptionsLoader } from './outsideOptionsLoader.js';
import type { OptionRequest, OptionResult } from './types.js';

/** The steps are the domain's (`src/domain/outsideOptions.ts`). */
export { SERIES_STEPS, type SeriesStep };

/**
 * The years a series may ask for: from the first year of the record and of ATOP to a bound well past
 * any data (a year no data set covers is answered, its figures not covered). The default range is
 * narrower: the years the loaded alliance data cover (`analysisSpan`, 1815–2018 with ATOP 5.1).
 */
export const SERIES_FIRST_YEAR = 1815;
export const SERIES_LAST_YEAR = 2100;
/** At most this many points (years) in one series: the whole span of the data (204 years) and some. */
export const MAX_SERIES_YEARS = 250;

export interface SeriesEra {
  key: string;
  name: string;
  start: string;
  end: string;
}

export interface SeriesPoint {
  /** The year (YEAR step), or null (ERA step). */
  year: number | null;
  /** The era the point's date falls in (YEAR step), or the era of the point (ERA step); null outside every era. */
  era: SeriesEra | null;
  /** The span the point stands for: the year, or the era clipped to the range. */
  from: string;
  to: string;
  /** The date the options are read on: 1 July of the year, or the midpoint of `from`–`to`. */
  at: string;
  result: OptionResult;
}

export interface SeriesArgs {
  state: number;
  from: number;
  to: number;
  step: SeriesStep;
}

/** The arguments as asked: `from` and `to` may be left to the default range. */
export type SeriesQuery = Omit<SeriesArgs, 'from' | 'to'> & { from?: number | null; to?: number | null };

/** A year of a series (BAD_USER_INPUT unless a whole year inside 1815–2100). */
export function checkSeriesYear(name: 'from' | 'to', y: number): void {
  if (!Number.isInteger(y) || y < SERIES_FIRST_YEAR || y > SERIES_LAST_YEAR)
    throw new BadInputError(`${name} must be a year from ${SERIES_FIRST_YEAR} to ${SERIES_LAST_YEAR} (got ${y})`, name);
}

/** Input checks (BAD_USER_INPUT): whole years, from ≤ to, inside 1815–2100, at most 250 points. */
export function checkSeriesArgs({ from, to, step }: Omit<SeriesArgs, 'state'>): void {
  checkSeriesYear('from', from);
  checkSeriesYear('to', to);
  if (from > to) throw new BadInputError(`from (${from}) is after to (${to})`, 'from');
  if (to - from + 1 > MAX_SERIES_YEARS)
    throw new BadInputError(`a series spans at most ${MAX_SERIES_YEARS} years`, 'to');
  if (!(SERIES_STEPS as readonly string[]).includes(step))
    throw new BadInputError(`step must be one of ${SERIES_STEPS.join(', ')}`, 'step');
}

/** What can be checked before the default range is read: the years given, and both together when both are. */
export function checkSeriesQuery(q: Omit<SeriesQuery, 'state'>): void {
  if (q.from != null && q.to != null) return checkSeriesArgs({ ...q, from: q.from, to: q.to });
  if (q.from != null) checkSeriesYear('from', q.from);
  if (q.to != null) checkSeriesYear('to', q.to);
  if (!(SERIES_STEPS as readonly string[]).includes(q.step))
    throw new BadInputError(`step must be one of ${SERIES_STEPS.join(', ')}`, 'step');
}

/** The midpoint of [from, to] (days, rounded down). */
export function midpoint(from: string, to: string): string {
  const days = Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 / 2);
  return addDays(from, days);
}

/** The dates of a series (no reads but the eras): one per year, or one per era meeting the range. */
export function seriesDates(
  eras: readonly SeriesEra[],
  { from, to, step }: Omit<SeriesArgs, 'state'>,
): Omit<SeriesPoint, 'result'>[] {
  const eraAt = (at: string) => eras.find((e) => covers(e.start, e.end, at)) ?? null;
  if (step === 'YEAR') {
    return Array.from({ length: to - from + 1 }, (_, i) => {
      const year = from + i;
      const at = midYear(year);
      return { year, era: eraAt(at), from: yearStart(year), to: yearEnd(year), at };
    });
  }
  const first = yearStart(from);
  const last = yearEnd(to);
  return eras
    .filter((e) => overlaps(e.start, e.end, first, last))
    .map((era) => {
      const f = era.start > first ? era.start : first;
      const t = era.end < last ? era.end : last;
      return { year: null, era, from: f, to: t, at: midpoint(f, t) };
    });
}

/** The request behind one point: exactly the single-date request (`dateRequest`). */
export const seriesRequest = (state: number, at: string): OptionRequest => dateRequest(state, at);

/**
 * The series, validated and computed in one batch. With `loader` (a GraphQL request's), the points
 * share its cache with single-date `outsideOptions` fields of the same request; without, the batch
 * is assessed directly (exports, CLI).
 */
export async function outsideOptionsSeries(
  ex: QueryExecutor,
  asked: SeriesQuery,
  loader?: OutsideOptionsLoader,
): Promise<SeriesPoint[]> {
  checkSeriesQuery(asked); // before any read (the default range needs the loaded data sets)
  const [states, eraRows, layers] = await Promise.all([
    ex.read(q.statesByCcodes, { ccodes: [asked.state] }),
    ex.read(q.erasAll),
    asked.from == null || asked.to == null ? readLoadedLayers(ex) : null,
  ]);
  const span = layers ? analysisSpan(layers) : null;
  // A range given at one end only runs to the other end of the data's years (or is that one year).
  const from = asked.from ?? Math.min(span?.from ?? Infinity, asked.to ?? Infinity);
  const to = asked.to ?? Math.max(span?.to ?? -Infinity, from);
  const args: SeriesArgs = { ...asked, from, to };
  checkSeriesArgs(args);
  if (!states.length) throw new NotFoundError('State with ccode', args.state);
  const eras = eraRows.map((e) => ({ key: e.id, name: e.name, start: e.start, end: e.end }));
  const dates = seriesDates(eras, args);
  const requests = dates.map((d) => seriesRequest(args.state, d.at));
  let results: OptionResult[];
  if (loader) {
    const loaded = await loader.loadMany(requests);
    const failed = loaded.find((r): r is Error => r instanceof Error);
    if (failed) throw failed;
    results = loaded as OptionResult[];
  } else {
    results = await assessOutsideOptions(ex, requests);
  }
  return dates.map((d, i) => ({ ...d, result: results[i]! }));
}
