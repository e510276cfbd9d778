/**
 * Reading the published CSV files: csv-parse does the parsing (quotes, CRLF, BOM, ragged rows); this
 * module checks the header and turns cells into typed values, and every problem it finds is an
 * `ImportFileError` naming the file, the line and the column.
 *
 * Missing values: the COW and ATOP codes `-9`, `-8`, `-7` and blank cells become null (see
 * `MISSING`), never 0 and never a year -9. Each reader says which codes are missing for its columns.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, CsvError } from 'csv-parse/sync';

export class ImportFileError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly column: string | null, readonly problem: string) {
    super(`${file}${line !== null ? `, line ${line}` : ''}${column !== null ? `, column ${column}` : ''}: ${problem}`);
    this.name = 'ImportFileError';
  }
}

/** The codes COW and ATOP use for missing, not applicable or unknown values. */
export const MISSING = new Set(['', '-9', '-8', '-7', '.', 'NA']);

export interface CsvRow {
  /** 1-based line number of the record in the file (the header is line 1). */
  line: number;
  /** The cell of a column, trimmed. */
  cell(column: string): string;
  /** An integer, or null when the cell is a missing-value code; anything else is an error. */
  int(column: string, missing?: ReadonlySet<string>): number | null;
  /** An integer that must be present. */
  reqInt(column: string): number;
  /** A number, or null when missing. */
  float(column: string, missing?: ReadonlySet<string>): number | null;
  /** A 0/1 flag as a boolean, or null when missing. */
  flag(column: string, missing?: ReadonlySet<string>): boolean | null;
  /** A text, or null when blank. */
  text(column: string): string | null;
  /** Reports a problem with this row. */
  error(column: string | null, problem: string): ImportFileError;
}

export interface CsvTable {
  file: string;
  path: string;
  columns: string[];
  rows: CsvRow[];
}

const INT = /^-?\d+$/;
const NUM = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Reads a whole CSV file. `required` lists the columns the importer reads: a header without one of
 * them is rejected (a wrong file, or a different version of the data set).
 */
export function readCsv(path: string, required: readonly string[]): CsvTable {
  const file = basename(path);
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new ImportFileError(file, null, null, `cannot read ${path}: ${(e as Error).message}`); }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: false, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const err = e as CsvError & { lines?: number; column?: number | string; index?: number };
      const col = err.column ?? err.index;
      throw new ImportFileError(file, err.lines ?? null, col !== undefined ? String(typeof col === 'number' ? col + 1 : col) : null, e.message.replace(/^Invalid Record Length: /, 'wrong number of cells: '));
    }
    throw e;
  }
  if (!records.length) throw new ImportFileError(file, 1, null, 'the file is empty (no header)');
  const columns = records[0]!.record.map((c) => c.trim());
  const missingCols = required.filter((c) => !columns.includes(c));
  if (missingCols.length) {
    throw new ImportFileError(file, 1, null, `wrong header: missing column${missingCols.length > 1 ? 's' : ''} ${missingCols.join(', ')} (is this the right file and version?)`);
  }
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows = records.slice(1).map(({ record, info }) => makeRow(file, info.lines, record, index));
  return { file, path, columns, rows };
}

function makeRow(file: string, line: number, record: string[], index: Map<string, number>): CsvRow {
  const colNo = (column: string) => `${column} (${(index.get(column) ?? -1) + 1})`;
  const error = (column: string | null, problem: string) => new ImportFileError(file, line, column === null ? null : colNo(column), problem);
  const cell = (column: string) => {
    const i = index.get(column);
    if (i === undefined) throw new ImportFileError(file, 1, column, 'no such column in the header');
    return (record[i] ?? '').trim();
  };
  const int = (column: string, missing: ReadonlySet<string> = MISSING) => {
    const v = cell(column);
    if (missing.has(v)) return null;
    if (INT.test(v)) return Number(v);
    if (NUM.test(v) && Number.isInteger(Number(v))) return Number(v);
    throw error(column, `expected an integer, found ${JSON.stringify(v)}`);
  };
  const float = (column: string, missing: ReadonlySet<string> = MISSING) => {
    const v = cell(column);
    if (missing.has(v)) return null;
    if (NUM.test(v)) return Number(v);
    throw error(column, `expected a number, found ${JSON.stringify(v)}`);
  };
  return {
    line,
    cell,
    int,
    reqInt(column) {
      const v = int(column, new Set(['']));
      if (v === null) throw error(column, 'a value is required here, the cell is blank');
      return v;
    },
    float,
    flag(column, missing = MISSING) {
      const v = int(column, missing);
      if (v === null) return null;
      if (v === 0 || v === 1) return v === 1;
      throw error(column, `expected 0 or 1, found ${v}`);
    },
    text(column) { const v = cell(column); return v === '' ? null : v; },
    error,
  };
}
