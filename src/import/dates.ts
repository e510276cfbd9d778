/**
 * Partial dates. The data sets give dates as separate year, month and day cells, any of which can be
 * missing. A date is stored as a Cypher `date` of the first day of what is known (a full
 * `YYYY-MM-DD` string: Grafeo reads year-only strings as null) together with its precision,
 * DAY, MONTH or YEAR, like the curated negotiations' `start`/`startPrecision`.
 */
import type { Precision } from '../domain/index.js';

export type { Precision };

/** A date from the data sets' year, month and day cells: its first day and its precision. */
export interface DatedCell {
  date: string;
  precision: Precision;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A partial date from year, month and day (null or 0 = unknown). No year: null. Impossible values
 * (month 13, 31 April) are reported through `bad`, which must throw.
 */
export function partialDate(
  year: number | null,
  month: number | null,
  day: number | null,
  bad: (what: string) => never,
): DatedCell | null {
  if (year === null || year === 0) return null;
  if (year < 1 || year > 9999) bad(`year ${year} is out of range`);
  if (month === null || month === 0) return { date: `${pad(year, 4)}-01-01`, precision: 'YEAR' };
  if (month < 1 || month > 12) bad(`month ${month} is out of range`);
  if (day === null || day === 0) return { date: `${pad(year, 4)}-${pad(month)}-01`, precision: 'MONTH' };
  if (day < 1 || day > daysIn(year, month)) bad(`day ${day} does not exist in ${pad(year, 4)}-${pad(month)}`);
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'DAY' };
}
