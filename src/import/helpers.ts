/** Small helpers the importers share. */
import type { CsvRow, IntRange } from './csv.js';
import type { StreamedRows } from './writeStep.js';
import { partialDate, type DatedCell } from './dates.js';
import type { YearSpan } from '../domain/index.js';

/**
 * A partial date read from three columns of a row; errors name the year column. A year (other than
 * 0, "unknown") outside `years` (the data set's span, `yearsFrom`) is refused.
 */
export function dateOf(
  row: CsvRow,
  y: string,
  m: string,
  d: string,
  years?: IntRange,
  missing?: ReadonlySet<string>,
): DatedCell | null {
  const year = row.int(y, missing);
  if (years && year !== null && year !== 0 && (year < years[0] || year > years[1]))
    throw row.error(y, `${year} is outside ${years[0]}–${years[1]}`);
  return partialDate(year, row.int(m, missing), row.int(d, missing), (what) => {
    throw row.error(y, `bad date: ${what}`);
  });
}

/** `{name, namePrecision}` fields from a partial date (both null when the date is unknown). */
export function dateFields<K extends string>(name: K, d: DatedCell): Record<K | `${K}Precision`, string>;
export function dateFields<K extends string>(name: K, d: DatedCell | null): Record<K | `${K}Precision`, string | null>;
export function dateFields<K extends string>(name: K, d: DatedCell | null): Record<K | `${K}Precision`, string | null> {
  return { [name]: d?.date ?? null, [`${name}Precision`]: d?.precision ?? null } as Record<
    K | `${K}Precision`,
    string | null
  >;
}

/** A version string from a file name (`MIDA_4.3.csv` → 4.3, `NMC-60-abridged` → 6.0) or a fallback. */
export function versionFrom(file: string, re: RegExp, fallback: string): string {
  const m = re.exec(file);
  return m ? m.slice(1).filter(Boolean).join('.') : fallback;
}

/** The single value of a `version` column, normalised (4.30000019073486 → 4.3), or null if the file has none; fed one row at a time (it keeps at most two distinct values). */
export class VersionColumn {
  private readonly values = new Set<string>();
  constructor(private readonly column = 'version') {}
  add(r: CsvRow): void {
    const v = r.cell(this.column);
    if (v && this.values.size < 2) this.values.add(v);
  }
  value(): string | null {
    if (this.values.size !== 1) return null;
    const v = [...this.values][0]!;
    return /^\d+\.\d{6,}$/.test(v) ? String(Math.round(Number(v) * 100) / 100) : v;
  }
}

/**
 * A compact Map key for a row key: a safe integer as itself, a pair of non-negative integers (ccode
 * and year, dispute and ccode) packed into one number — below 2^30 when the pair is small (ccode <
 * 2^18, year < 2^12: a small integer V8 keeps unboxed), negative otherwise — anything else as its
 * JSON text. Injective for one shape of key (a Map never mixes scalar and pair keys), and a Map of a
 * million small-integer keys takes a fraction of the memory of one with string keys.
 */
export function compactKey(key: unknown): number | string {
  if (typeof key === 'number' && Number.isSafeInteger(key)) return key;
  if (Array.isArray(key) && key.length === 2) {
    const [a, b] = key as [number, number];
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && a >= 0 && b >= 0) {
      if (a < 2 ** 18 && b < 2 ** 12) return a * 2 ** 12 + b;
      if (a < 2 ** 31 && b < 2 ** 21) return -(1 + a * 2 ** 21 + b);
    }
  }
  return JSON.stringify(key);
}

/** Throws when two rows of a file have the same key (a file we would silently merge otherwise), one row at a time: keeps each key (compact) and the line it was first on. */
export class UniqueKeys {
  private readonly seen = new Map<number | string, number>();
  constructor(
    private readonly what: string,
    private readonly column: string,
  ) {}
  check(r: CsvRow, key: unknown): void {
    const k = compactKey(key);
    const first = this.seen.get(k);
    if (first !== undefined)
      throw r.error(this.column, `duplicate ${this.what} ${JSON.stringify(key)} (first on line ${first})`);
    this.seen.set(k, r.line);
  }
}

/**
 * The checks of an importer's first reading, numbered in the order the importer states them. The
 * files are read one row at a time, and every check runs on each row; the error reported is the
 * first error of the lowest-numbered check that failed, i.e. the one a reading that ran each check
 * over the whole file before the next would report (so a file with several problems names the same
 * one as before the reading was streamed). A check is not run again once it, or an earlier one, failed.
 */
export class Checks {
  private readonly errors: unknown[] = [];
  private lowest = Infinity;
  run<T>(i: number, check: () => T): T | undefined {
    if (i >= this.lowest) return undefined;
    try {
      return check();
    } catch (e) {
      this.errors[i] = e;
      this.lowest = i;
      return undefined;
    }
  }
  /** Whether check `i` (or an earlier one) failed: then its state is incomplete, and must not be used. */
  failed(i: number): boolean {
    return i >= this.lowest;
  }
  /** Throws the error of the lowest-numbered failed check, if any. */
  throwFirst(): void {
    if (this.lowest !== Infinity) throw this.errors[this.lowest];
  }
}

/** Rows a step reads again from the files when it writes (see `StreamedRows`). */
export function streamedRows<R>(count: number, each: StreamedRows<R>['each']): StreamedRows<R> {
  return { count, each };
}

/** The distinct ccodes of rows seen one at a time, as stub-state rows (abbrev and name where the file gives them), in order of first appearance. */
export class StubStates {
  private readonly byCcode = new Map<number, { ccode: number; abbrev: string | null; name: string | null }>();
  add(e: { ccode: number; abbrev?: string | null; name?: string | null }): void {
    if (!this.byCcode.has(e.ccode))
      this.byCcode.set(e.ccode, { ccode: e.ccode, abbrev: e.abbrev ?? null, name: e.name ?? null });
  }
  rows(): { ccode: number; abbrev: string | null; name: string | null }[] {
    return [...this.byCcode.values()];
  }
}

/**
 * The years a data set covers, read from its rows at the first reading: the least and the greatest
 * year its year columns hold (a missing or non-positive year, e.g. ATOP's 0 for "not ended", is no
 * year). For event data (disputes, wars) that is the span of the events recorded: the years the
 * files vouch for.
 */
export class Years {
  private from = Infinity;
  private to = -Infinity;
  add(...years: (number | null | undefined)[]): void {
    for (const y of years) {
      if (y === null || y === undefined || !Number.isInteger(y) || y <= 0) continue;
      if (y < this.from) this.from = y;
      if (y > this.to) this.to = y;
    }
  }
  /** Every year of `row`'s columns (unparseable cells are the checks' business, not this one's). */
  addColumns(row: CsvRow, columns: readonly string[]): void {
    for (const c of columns) {
      let y: number | null = null;
      try {
        y = row.int(c);
      } catch {
        /* reported by the importer's own checks */
      }
      this.add(y);
    }
  }
  span(): YearSpan | null {
    return this.from === Infinity ? null : { from: this.from, to: this.to };
  }
}
