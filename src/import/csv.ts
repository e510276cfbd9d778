/**
 * Reading the published CSV files (`.csv`, or `.csv.gz` as shipped in `seed/published/`): the file
 * is streamed (gunzip stream for `.gz`, csv-parse's stream API), so no copy of the whole text is
 * ever held; csv-parse does the parsing (quotes, CRLF, BOM, ragged rows); this module reads strictly
 * and checks the header, and turns cells into typed values. Every problem is an `ImportFileError`
 * naming the file, the line (the real one, counted from the bytes) and the column or byte offset.
 *
 * Strict reading, before csv-parse sees a byte:
 * - invalid UTF-8 is an error naming the line and byte offset (never U+FFFD in the graph);
 * - mixed line endings outside quoted cells (a CRLF file with a bare LF or CR line) are an error:
 *   csv-parse would otherwise take the odd terminator as cell data and merge two records.
 *
 * Missing values: the COW and ATOP codes `-9`, `-8`, `-7` and blank cells become null (see
 * `MISSING`), never 0 and never a year -9. Each reader says which codes are missing for its columns.
 * Ranges (`CCODE`, `COUNT`, `ID`, `yearsFrom`) are declared here once; a file without data rows is refused.
 */
import { createReadStream, statSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { parse, CsvError } from 'csv-parse';

export type ImportFileErrorCode = 'IMPORT_FILE_MALFORMED' | 'IMPORT_FILE_CHANGED';

export class ImportFileError extends Error {
  /** `IMPORT_FILE_MALFORMED`: the file cannot be imported as it is; `IMPORT_FILE_CHANGED`: see `ImportFileChangedError`. */
  readonly code: ImportFileErrorCode = 'IMPORT_FILE_MALFORMED';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    readonly problem: string,
    readonly offset: number | null = null,
  ) {
    super(
      `${file}${line !== null ? `, line ${line}` : ''}${column !== null ? `, column ${column}` : ''}${offset !== null ? `, byte offset ${offset}` : ''}: ${problem}`,
    );
    this.name = 'ImportFileError';
  }
}

/**
 * The second reading of a file (the one that writes, inside the transaction) did not see the bytes the
 * first one (the one that validated) saw: the file was changed or replaced during the import. The
 * transaction is rolled back; nothing is written.
 */
export class ImportFileChangedError extends ImportFileError {
  override readonly code = 'IMPORT_FILE_CHANGED' as const;
  constructor(file: string, problem: string) {
    super(
      file,
      null,
      null,
      `the file changed while it was being imported (${problem}); nothing was written, import it again`,
    );
    this.name = 'ImportFileChangedError';
  }
}

/**
 * The ranges the importers' columns are checked against, declared here once (the importers name
 * them: `r.reqIntIn('ccode', ...CCODE)`): a value outside is refused with file, line and column.
 */
export type IntRange = readonly [min: number, max: number];
/**
 * COW country codes (2 United States … 990 Samoa; a code the COW state list lacks, such as the
 * rivalry files' 324, is a stub state, as before): 99999 or -9 in a ccode column is refused.
 */
export const CCODE: IntRange = [1, 999];
/** ATOP member and threat codes: COW's, and ATOP's own for members COW does not list (8152). */
export const ATOP_CCODE: IntRange = [1, 9999];
/** Counts (soldiers, deaths, participants, days, units): never negative. */
export const COUNT: IntRange = [0, Number.MAX_SAFE_INTEGER];
/** Row identifiers (dispute, war, alliance, battle, rivalry numbers, phases): positive. */
export const ID: IntRange = [1, Number.MAX_SAFE_INTEGER];
/** The years a data set's rows may hold: from the first year its codebook covers up to 2100 (a later edition). */
export const yearsFrom = (first: number): IntRange => [first, 2100];

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
  /** An integer that must be present, in [min, max]; a missing-value code (`-9`) is refused by name. */
  reqIntIn(column: string, min: number, max: number): number;
  /** An integer in [min, max], or null when missing. */
  intIn(column: string, min: number, max: number, missing?: ReadonlySet<string>): number | null;
  /** A number in [min, max], or null when missing. */
  floatIn(column: string, min: number, max: number, missing?: ReadonlySet<string>): number | null;
  /** A number, or null when missing. */
  float(column: string, missing?: ReadonlySet<string>): number | null;
  /** A 0/1 flag as a boolean, or null when missing. */
  flag(column: string, missing?: ReadonlySet<string>): boolean | null;
  /** A text, or null when blank. */
  text(column: string): string | null;
  /** Reports a problem with this row. */
  error(column: string | null, problem: string): ImportFileError;
}

/** A file as the first (validating) reading saw it: what the second (writing) reading must see again. */
export interface CsvFileInfo {
  file: string;
  path: string;
  /** sha256 of the file's bytes, decompressed when it is a `.gz` (so it is the original file's). */
  sha256: string;
  columns: string[];
  /** Data rows (the header not counted). */
  rows: number;
  /** Size and modification time of the file on disk when the first reading began. */
  size: number;
  mtimeMs: number;
}

export interface CsvTable extends Omit<CsvFileInfo, 'rows' | 'size' | 'mtimeMs'> {
  rows: CsvRow[];
}

const INT = /^-?\d+$/;
const ZERO_FRACTION = /^-?\d+\.0*$/;
/** The longest record (all its cells) accepted, in characters: a 50 MB cell is refused at its line. */
export const MAX_RECORD_CHARS = 1_000_000;
const NUM = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BLANK_ONLY: ReadonlySet<string> = new Set(['']);

/** The raw bytes of a file, decompressed when its name ends in `.gz`. */
function byteStream(path: string): Readable {
  const src = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!/\.gz$/i.test(path)) return src;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  src.on('error', (e) => gunzip.destroy(e));
  // Where a damaged .gz fails: zlib's error alone does not say (this listener runs before the pipeline's).
  gunzip.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code?.startsWith('Z_'))
      e.message += ` (gzip data damaged at or before compressed byte ${gunzip.bytesWritten} of ${src.bytesRead} read)`;
  });
  return src.pipe(gunzip);
}

/** `pipeline` over a byte source, async-generator transforms and a consuming function (loosely typed). */
const run = pipeline as unknown as (...stages: unknown[]) => Promise<void>;

/** sha256 of a file's content (decompressed for `.gz`): the checksum a `DataSet` node records. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = basename(path);
  try {
    await run(byteStream(path), async (src: AsyncIterable<Buffer>) => {
      for await (const c of src) hash.update(c);
    });
  } catch (e) {
    throw new ImportFileError(file, null, null, `cannot read ${path}: ${(e as Error).message}`);
  }
  return hash.digest('hex');
}

type Ending = 'CRLF' | 'LF' | 'CR';
const NAME: Record<Ending, string> = { CRLF: 'CRLF (\\r\\n)', LF: 'a bare LF (\\n)', CR: 'a bare CR (\\r)' };

/**
 * The strict pass over the bytes: validates UTF-8 (a state machine, so a sequence split between two
 * chunks is fine), tracks quoted cells, counts lines and checks that every record ends the same way;
 * yields the decoded text. Throws ImportFileError with line and byte offset.
 */
function strictText(file: string, hash: Hash) {
  return async function* (src: AsyncIterable<Buffer>): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let offset = 0; // bytes before the current chunk
    let line = 1;
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    let seqStart = 0;
    let seqLine = 1;
    let inQuote = false;
    let cr = false;
    let ending: Ending | null = null;
    let endingLine = 0;
    const bad = (at: number, atLine: number, what: string) =>
      new ImportFileError(file, atLine, null, `invalid UTF-8 (${what}); save the file as UTF-8`, at);
    const ended = (style: Ending, at: number) => {
      if (ending === null) {
        ending = style;
        endingLine = line;
        return;
      }
      if (style !== ending) {
        throw new ImportFileError(
          file,
          line,
          null,
          `the line ends with ${NAME[style]} but line ${endingLine} (and the lines before this one) end with ${NAME[ending]}: mixed line endings would merge records; convert the file to one line ending`,
          at,
        );
      }
    };
    for await (const chunk of src) {
      hash.update(chunk);
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (need > 0) {
          if (b < lo || b > hi)
            throw bad(
              seqStart,
              seqLine,
              `byte 0x${b.toString(16).padStart(2, '0')} at offset ${offset + i} cannot continue the sequence`,
            );
          lo = 0x80;
          hi = 0xbf;
          need--;
          continue;
        }
        if (cr) {
          cr = false;
          if (b === 0x0a) {
            ended('CRLF', offset + i);
            line++;
            continue;
          }
          ended('CR', offset + i - 1);
          line++;
        }
        if (b < 0x80) {
          if (b === 0x22) inQuote = !inQuote;
          else if (b === 0x0a) {
            if (!inQuote) ended('LF', offset + i);
            line++;
          } else if (b === 0x0d && !inQuote) cr = true;
          continue;
        }
        seqStart = offset + i;
        seqLine = line;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b === 0xe0) {
          need = 2;
          lo = 0xa0;
        } else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
        else if (b === 0xed) {
          need = 2;
          hi = 0x9f;
        } else if (b === 0xf0) {
          need = 3;
          lo = 0x90;
        } else if (b >= 0xf1 && b <= 0xf3) need = 3;
        else if (b === 0xf4) {
          need = 3;
          hi = 0x8f;
        } else throw bad(seqStart, line, `byte 0x${b.toString(16)} cannot start a character`);
      }
      offset += chunk.length;
      yield decoder.decode(chunk, { stream: true });
    }
    if (need > 0) throw bad(seqStart, seqLine, 'the file ends inside a character');
    if (cr) ended('CR', offset - 1);
    const rest = decoder.decode();
    if (rest) yield rest;
  };
}

/** What every row of a table shares: the file name and the column index. */
interface TableContext {
  file: string;
  index: Map<string, number>;
}

/** A row: its line and its cells; the accessors live on the prototype (no closures per row). */
class Row implements CsvRow {
  constructor(
    private readonly t: TableContext,
    readonly line: number,
    private readonly record: string[],
  ) {}

  error(column: string | null, problem: string): ImportFileError {
    return new ImportFileError(
      this.t.file,
      this.line,
      column === null ? null : `${column} (${(this.t.index.get(column) ?? -1) + 1})`,
      problem,
    );
  }

  cell(column: string): string {
    const i = this.t.index.get(column);
    if (i === undefined) throw new ImportFileError(this.t.file, 1, column, 'no such column in the header');
    return (this.record[i] ?? '').trim();
  }

  int(column: string, missing: ReadonlySet<string> = MISSING): number | null {
    const v = this.cell(column);
    if (missing.has(v)) return null;
    // Digits only, or with a zero fraction ("12.0"); not exponent notation ("1e3" is no year).
    if (INT.test(v) || ZERO_FRACTION.test(v)) {
      const n = Number(v);
      if (Number.isSafeInteger(n)) return n;
      throw this.error(column, `integer out of range: ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`);
    }
    throw this.error(column, `expected an integer, found ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`);
  }

  intIn(column: string, min: number, max: number, missing: ReadonlySet<string> = MISSING): number | null {
    const n = this.int(column, missing);
    if (n !== null && (n < min || n > max)) throw this.error(column, `${n} is outside ${min}–${max}`);
    return n;
  }

  reqIntIn(column: string, min: number, max: number): number {
    const v = this.cell(column);
    if (v !== '' && MISSING.has(v))
      throw this.error(column, `a value is required here, found the missing-value code ${v}`);
    const n = this.reqInt(column);
    if (n < min || n > max) throw this.error(column, `${n} is outside ${min}–${max}`);
    return n;
  }

  floatIn(column: string, min: number, max: number, missing: ReadonlySet<string> = MISSING): number | null {
    const n = this.float(column, missing);
    if (n !== null && !(n >= min && n <= max)) throw this.error(column, `${n} is outside ${min}–${max}`);
    return n;
  }

  reqInt(column: string): number {
    const v = this.int(column, BLANK_ONLY);
    if (v === null) throw this.error(column, 'a value is required here, the cell is blank');
    return v;
  }

  float(column: string, missing: ReadonlySet<string> = MISSING): number | null {
    const v = this.cell(column);
    if (missing.has(v)) return null;
    if (NUM.test(v)) return Number(v);
    throw this.error(column, `expected a number, found ${JSON.stringify(v)}`);
  }

  flag(column: string, missing: ReadonlySet<string> = MISSING): boolean | null {
    const v = this.int(column, missing);
    if (v === null) return null;
    if (v === 0 || v === 1) return v === 1;
    throw this.error(column, `expected 0 or 1, found ${v}`);
  }

  text(column: string): string | null {
    const v = this.cell(column);
    return v === '' ? null : v;
  }
}

/**
 * Streams a CSV file (`.gz` decompressed on the fly) and hands each data row to `onRow`, in file order,
 * holding no row after its call returns (a returned promise is awaited before the next row: the
 * writing pass sends batches from there). `required` lists the columns the importer reads: a header
 * without one of them is rejected (a wrong file, or a different version of the data set). An error
 * `onRow` throws is passed on as it is; every problem of the file itself is an `ImportFileError`.
 */
export async function streamCsv(
  path: string,
  required: readonly string[],
  onRow: (row: CsvRow) => void | Promise<void>,
): Promise<CsvFileInfo> {
  const file = basename(path);
  let stat: { size: number; mtimeMs: number };
  try {
    stat = statSync(path);
  } catch (e) {
    throw new ImportFileError(file, null, null, `cannot read ${path}: ${(e as Error).message}`);
  }
  const hash = createHash('sha256');
  const t: TableContext = { file, index: new Map() };
  let rows = 0;
  let columns: string[] | null = null;
  let rowError: { error: unknown } | null = null;
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: false,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  const consume = async (records: AsyncIterable<{ record: string[]; info: { lines: number } }>) => {
    for await (const { record, info } of records) {
      if (columns === null) {
        columns = record.map((c) => c.trim());
        const missingCols = required.filter((c) => !columns!.includes(c));
        if (missingCols.length) {
          throw new ImportFileError(
            file,
            1,
            null,
            `wrong header: missing column${missingCols.length > 1 ? 's' : ''} ${missingCols.join(', ')} (is this the right file and version?)`,
          );
        }
        columns.forEach((c, i) => t.index.set(c, i));
        continue;
      }
      rows++;
      try {
        const pending = onRow(new Row(t, info.lines, record));
        if (pending) await pending;
      } catch (e) {
        rowError = { error: e };
        throw e;
      }
    }
  };
  try {
    await run(byteStream(path), strictText(file, hash), parser, consume);
  } catch (e) {
    if (rowError) throw (rowError as { error: unknown }).error;
    if (e instanceof ImportFileError) throw e;
    if (e instanceof CsvError) {
      const err = e as CsvError & { lines?: number; column?: number | string; index?: number };
      const col = err.column ?? err.index;
      throw new ImportFileError(
        file,
        err.lines ?? null,
        col !== undefined ? String(typeof col === 'number' ? col + 1 : col) : null,
        e.message.replace(/^Invalid Record Length: /, 'wrong number of cells: '),
      );
    }
    throw new ImportFileError(file, null, null, `cannot read ${path}: ${(e as Error).message}`);
  }
  if (columns === null) throw new ImportFileError(file, 1, null, 'the file is empty (no header)');
  // A header-only file would replace the DataSet record with "0 rows" (and, as a re-import removes
  // what the file no longer holds, empty the data set): refused.
  if (rows === 0)
    throw new ImportFileError(file, 2, null, 'no data rows: an empty data set is refused (it would record 0 rows)');
  return { file, path, sha256: hash.digest('hex'), columns, rows, size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * The second reading of a file the first reading validated (`first`), inside the write transaction:
 * the same rows in the same order go to `onRow`. The file must be the one the first reading saw: same
 * size and modification time before a row is read, the same sha256 at the end (and no error on the
 * way, since the first reading found none); otherwise `ImportFileChangedError`, and the transaction
 * that `onRow` writes in is rolled back by the caller. Errors `onRow` throws (the store's) pass as they are.
 */
export async function rereadCsv(
  first: CsvFileInfo,
  required: readonly string[],
  onRow: (row: CsvRow) => void | Promise<void>,
): Promise<void> {
  let stat: { size: number; mtimeMs: number } | null = null;
  try {
    stat = statSync(first.path);
  } catch {
    /* reported below */
  }
  if (!stat) throw new ImportFileChangedError(first.file, 'it is gone');
  if (stat.size !== first.size || stat.mtimeMs !== first.mtimeMs) {
    throw new ImportFileChangedError(
      first.file,
      `${first.size} bytes modified at ${new Date(first.mtimeMs).toISOString()} when checked, ${stat.size} bytes modified at ${new Date(stat.mtimeMs).toISOString()} when read again to write`,
    );
  }
  let info: CsvFileInfo;
  try {
    info = await streamCsv(first.path, required, onRow);
  } catch (e) {
    // The first reading found no problem in this file, so one now (the file's own, or a row that
    // mapped then and does not now) means the bytes differ; anything else (the store's) passes as it is.
    if (!(e instanceof ImportFileError) || e instanceof ImportFileChangedError) throw e;
    throw new ImportFileChangedError(first.file, `reading it again found: ${e.message}`);
  }
  if (info.sha256 !== first.sha256 || info.rows !== first.rows) {
    throw new ImportFileChangedError(
      first.file,
      `sha256 ${first.sha256} when checked, ${info.sha256} when read again to write`,
    );
  }
}

/**
 * Reads a whole CSV file into memory (streamed; `.gz` decompressed on the fly): the rows, for tests
 * and tools. The importers do not use it: they stream each file twice (`streamCsv`, `rereadCsv`).
 */
export async function readCsv(path: string, required: readonly string[]): Promise<CsvTable> {
  const rows: CsvRow[] = [];
  const info = await streamCsv(path, required, (r) => {
    rows.push(r);
  });
  return { file: info.file, path: info.path, sha256: info.sha256, columns: info.columns, rows };
}
