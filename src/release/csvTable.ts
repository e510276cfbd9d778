/**
 * A table's CSV text as the package ships it: UTF-8 without a byte-order mark, a header of the declared
 * column names, `\n` line ends, `,` between fields, a field quoted (quotes doubled) only when it holds a
 * comma, a quote or a line break, an empty field for a missing value, numbers as JavaScript prints them
 * (shortest round-trip form). The dialect is stated in datapackage.json; R's `read.csv`, Stata's
 * `import delimited` and pandas read it as is.
 */
import { invariant } from '../errors/index.js';
import type { TableDecl } from './packageTables.js';
import type { Cell, Row } from './readRecord.js';

/** The Table Schema dialect of every CSV of the package. */
export const CSV_DIALECT = {
  delimiter: ',',
  lineTerminator: '\n',
  quoteChar: '"',
  doubleQuote: true,
  header: true,
} as const;

function field(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') {
    invariant(Number.isFinite(v), `a number cell is ${v}`);
    return String(v);
  }
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text of `rows` under `decl`; every row must have exactly the declared columns. */
export function csvTable(decl: TableDecl, rows: readonly Row[]): string {
  const names = decl.columns.map((c) => c.name);
  const lines = [names.join(',')];
  for (const row of rows) {
    const keys = Object.keys(row);
    invariant(
      keys.length === names.length && names.every((n) => n in row),
      `${decl.name}: a row has columns ${keys.join(',')}, the declaration ${names.join(',')}`,
    );
    lines.push(names.map((n) => field(row[n] ?? null)).join(','));
  }
  return `${lines.join('\n')}\n`;
}
