/** Small helpers the importers share. */
import type { CsvRow } from './csv.js';
import { partialDate, type PartialDate } from './dates.js';

export const OBLIGATIONS = [
  ['DEFENSE', 'defense'], ['OFFENSE', 'offense'], ['NEUTRALITY', 'neutrality'], ['NON_AGGRESSION', 'nonAggression'], ['CONSULTATION', 'consultation'],
] as const;

/** A partial date read from three columns of a row; errors name the year column. */
export function dateOf(row: CsvRow, y: string, m: string, d: string, missing?: ReadonlySet<string>): PartialDate | null {
  return partialDate(row.int(y, missing), row.int(m, missing), row.int(d, missing), (what) => { throw row.error(y, `bad date: ${what}`); });
}

/** `{name, namePrecision}` fields from a partial date (both null when the date is unknown). */
export function dateFields<K extends string>(name: K, d: PartialDate | null): Record<K | `${K}Precision`, string | null> {
  return { [name]: d?.date ?? null, [`${name}Precision`]: d?.precision ?? null } as Record<K | `${K}Precision`, string | null>;
}

/** The distinct ccodes of rows, as stub-state rows (abbrev and name where the file gives them). */
export function stubStates(entries: Iterable<{ ccode: number; abbrev?: string | null; name?: string | null }>): { ccode: number; abbrev: string | null; name: string | null }[] {
  const out = new Map<number, { ccode: number; abbrev: string | null; name: string | null }>();
  for (const e of entries) if (!out.has(e.ccode)) out.set(e.ccode, { ccode: e.ccode, abbrev: e.abbrev ?? null, name: e.name ?? null });
  return [...out.values()];
}

/** A version string from a file name (`MIDA_4.3.csv` → 4.3, `NMC-60-abridged` → 6.0) or a fallback. */
export function versionFrom(file: string, re: RegExp, fallback: string): string {
  const m = re.exec(file);
  return m ? m.slice(1).filter(Boolean).join('.') : fallback;
}

/** The single value of a `version` column, normalised (4.30000019073486 → 4.3), or null if the file has none. */
export function versionColumn(rows: CsvRow[], column = 'version'): string | null {
  const values = new Set(rows.map((r) => r.cell(column)).filter(Boolean));
  if (values.size !== 1) return null;
  const v = [...values][0]!;
  return /^\d+\.\d{6,}$/.test(v) ? String(Math.round(Number(v) * 100) / 100) : v;
}

/** Throws when two rows of a file have the same key (a file we would silently merge otherwise). */
export function assertUnique<T>(rows: CsvRow[], keyOf: (r: CsvRow) => T, what: string, column: string): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = JSON.stringify(keyOf(r));
    const first = seen.get(k);
    if (first !== undefined) throw r.error(column, `duplicate ${what} ${k} (first on line ${first})`);
    seen.set(k, r.line);
  }
}
