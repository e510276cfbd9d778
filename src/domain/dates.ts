/**
 * Date and interval rules on ISO `YYYY-MM-DD` strings, the form both stores take and return. ISO
 * strings of the same width compare as dates, so intervals are compared as strings.
 */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const isoDate = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** First and last day of a year. */
export const yearStart = (year: number): string => isoDate(year, 1, 1);
export const yearEnd = (year: number): string => isoDate(year, 12, 31);
/** The day a state-year is read on (mid-year, as COW's system membership by year). */
export const midYear = (year: number): string => isoDate(year, 7, 1);

/** The same day `years` later (29 February → 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const y = yearOf(iso) + years;
  const m = Number(iso.slice(5, 7));
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return isoDate(y, m, d);
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Do [aStart, aEnd] and [bStart, bEnd] share a day? A null end is open. */
export function overlaps(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (bEnd === null || aStart <= bEnd) && (aEnd === null || aEnd >= bStart);
}

/** Is `at` inside [start, end] (null end: open)? */
export const covers = (start: string | null, end: string | null, at: string): boolean =>
  (start === null || start <= at) && (end === null || at <= end);

/**
 * Days the Julian (Old Style) calendar lags the Gregorian on a Gregorian date: 12 in the
 * nineteenth century (from 1 March 1800), 13 from 1 March 1900 (Russia changed in February 1918,
 * the Ottoman Empire in 1917 for civil dates).
 */
export function julianLag(gregorian: string): number {
  if (gregorian >= '1900-03-14') return 13;
  if (gregorian >= '1800-03-13') return 12;
  return 11;
}

/** The Old Style date of a Gregorian date. */
export const toOldStyle = (gregorian: string): string => addDays(gregorian, -julianLag(gregorian));
