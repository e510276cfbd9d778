/**
 * Exports of the alliance network, shared by the HTTP router (`GET /export/<format>`) and the CLI
 * (`alliance-graph export <format>`):
 *
 * | format | dates | what |
 * |---|---|---|
 * | `gexf` | `at` (static) or `from`+`to` (dynamic) | GEXF 1.3 for Gephi |
 * | `graphml` | `at` | GraphML with typed keys |
 * | `cytoscape` | `at` | Cytoscape.js JSON `{elements: {nodes, edges}}` |
 * | `graphology` | `at` | graphology serialised JSON |
 * | `dyad-year` | `from`+`to` (years) or `at` (its year) | dyad-year CSV (peacesciencer's names, ATOP's dyad-year rules; `directed=true`: ATOP's directed dyad-year rules) |
 * | `state-year` | `from`+`to` (years) or `at` (its year) | ATOP's state-year CSV (`atop5_1sy` columns, from ATOP's memberships) |
 *
 * Dates, as in the GraphQL API: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a month or a year, read as
 * the period's first day for `at` and `from` and its last day for `to` (so `from=1815&to=1949`
 * covers 1949 too). The dyad-year and state-year CSVs work in whole years: only the years of `from` and `to` count. A range spans at most
 * MAX_RANGE_YEARS years. `negotiations=N` (static graph formats) adds the negotiation layer: every
 * negotiation under way in the N years up to the date (0: under way on the date); with a range
 * (`gexf`), `negotiations=true` adds every negotiation in the range with its spell.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadInputError } from '../errors/index.js';
import { PartialDate } from '../schema/PartialDate.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { dynamicGraph, staticGraph, type ExportGraph } from './model.js';
import { gexfChunks } from './gexf.export.js';
import { writeGraphml } from './graphml.export.js';
import { toCytoscape } from './cytoscape.export.js';
import { toGraphology } from './graphology.export.js';
import { writeDyadYearCsv } from './dyadYear.export.js';
import { writeStateYearCsv } from './stateYear.export.js';
import { versionedFileName } from '../releaseInfo.js';
import { Pacer } from '../pacer.js';

import { EXPORT_FORMATS, EXPORT_NAMES, type ExportFormat } from './formats.js';

export { EXPORT_FORMATS, EXPORT_NAMES, OPTIONS_SERIES, type ExportFormat } from './formats.js';
export const MAX_RANGE_YEARS = 250;
export const MAX_NEGOTIATION_YEARS = 50;
/** The characters gathered into one chunk of a static document (see documentChunks). */
const CHUNK_CHARS = 64 * 1024;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  cytoscape: 'application/json; charset=utf-8',
  graphology: 'application/json; charset=utf-8',
  'dyad-year': 'text/csv; charset=utf-8',
  'state-year': 'text/csv; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  gexf: 'gexf',
  graphml: 'graphml',
  cytoscape: 'cyjs.json',
  graphology: 'graphology.json',
  'dyad-year': 'csv',
  'state-year': 'csv',
};

export type ExportRequest =
  | { format: ExportFormat; kind: 'at'; at: string; negotiationYears: number | null; directed: boolean }
  | { format: ExportFormat; kind: 'range'; from: string; to: string; negotiations: boolean; directed: boolean };

/**
 * A date as the API's `Date` scalar reads it: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a month or a
 * year, taken as the period's first day (`at`, `from`) or last day (`to`). BadInputError otherwise.
 */
export function parseDay(value: unknown, name: string, end: 'start' | 'end' = 'start'): string {
  if (typeof value !== 'string' || !value)
    throw new BadInputError(`${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY)`, name);
  const parsed = PartialDate.parse(value);
  if (typeof parsed === 'string') throw new BadInputError(`${name}: ${parsed}`, name);
  return end === 'start' ? parsed.start : parsed.end;
}

function flag(value: unknown, name: string): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1' || value === true) return true;
  throw new BadInputError(`${name} must be true or false`, name);
}

export interface RawExportOptions {
  at?: unknown;
  from?: unknown;
  to?: unknown;
  negotiations?: unknown;
  directed?: unknown;
}

/** Validates a format and its options (query string or CLI flags) into an export request. */
export function parseExportRequest(format: string, raw: RawExportOptions): ExportRequest {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new BadInputError(
      `unknown export format ${JSON.stringify(format)}: use one of ${EXPORT_NAMES.join(', ')}`,
      'format',
    );
  const f = format as ExportFormat;
  for (const [k, v] of Object.entries(raw))
    if (Array.isArray(v)) throw new BadInputError(`${k} given more than once`, k);
  const directed = flag(raw.directed, 'directed');
  const hasAt = raw.at !== undefined;
  const hasRange = raw.from !== undefined || raw.to !== undefined;
  if (hasAt && hasRange) throw new BadInputError('give either at, or from and to, not both', 'at');
  const yearly = f === 'dyad-year' || f === 'state-year';
  if (!hasAt && !hasRange)
    throw new BadInputError(yearly ? 'give from and to (years), or at' : 'give at=YYYY-MM-DD', 'at');
  if (hasAt) {
    const at = parseDay(raw.at, 'at');
    if (yearly)
      return {
        format: f,
        kind: 'range',
        from: `${at.slice(0, 4)}-01-01`,
        to: `${at.slice(0, 4)}-12-31`,
        negotiations: false,
        directed,
      };
    let negotiationYears: number | null = null;
    if (raw.negotiations !== undefined && raw.negotiations !== '') {
      const n = Number(raw.negotiations);
      if (typeof raw.negotiations !== 'string' && typeof raw.negotiations !== 'number')
        throw new BadInputError('negotiations must be a number of years', 'negotiations');
      if (!Number.isInteger(n) || n < 0 || n > MAX_NEGOTIATION_YEARS)
        throw new BadInputError(
          `negotiations must be a whole number of years from 0 to ${MAX_NEGOTIATION_YEARS}`,
          'negotiations',
        );
      negotiationYears = n;
    }
    return { format: f, kind: 'at', at, negotiationYears, directed };
  }
  if (raw.from === undefined || raw.to === undefined)
    throw new BadInputError('a range needs both from and to', raw.from === undefined ? 'from' : 'to');
  const from = parseDay(raw.from, 'from');
  const to = parseDay(raw.to, 'to', 'end');
  if (from > to) throw new BadInputError(`from (${from}) is after to (${to})`, 'from');
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 > MAX_RANGE_YEARS)
    throw new BadInputError(`a range may span at most ${MAX_RANGE_YEARS} years`, 'to');
  if (f !== 'gexf' && !yearly)
    throw new BadInputError(
      `${f} is a static format: give at=YYYY-MM-DD (only gexf, dyad-year and state-year take a range)`,
      'from',
    );
  return { format: f, kind: 'range', from, to, negotiations: flag(raw.negotiations, 'negotiations'), directed };
}

/**
 * Writes the export to `out`; `end: false` leaves it open (stdout). Every format is piped to `out`
 * with back-pressure (`pipeline`): the next chunk is made when `out` has taken the last, so a slow
 * reader holds the writer, not the server's memory, and a closed response stops it. A graph is read
 * and built before the first byte, so a failure there (a deadline, the store) is still answered
 * with a status.
 */
export async function runExport(
  ex: QueryExecutor,
  request: ExportRequest,
  out: Writable,
  options: { end?: boolean } = {},
): Promise<void> {
  const end = options.end ?? true;
  if (request.format === 'dyad-year') {
    if (request.kind !== 'range') throw new BadInputError('dyad-year needs a range', 'from');
    await writeDyadYearCsv(ex, Number(request.from.slice(0, 4)), Number(request.to.slice(0, 4)), out, {
      directed: request.directed,
      end,
    });
    return;
  }
  if (request.format === 'state-year') {
    if (request.kind !== 'range') throw new BadInputError('state-year needs a range', 'from');
    await writeStateYearCsv(ex, Number(request.from.slice(0, 4)), Number(request.to.slice(0, 4)), out, { end });
    return;
  }
  if (request.kind === 'range' && request.format !== 'gexf')
    throw new BadInputError(`${request.format} is a static format: give at=YYYY-MM-DD`, 'from');
  // One pacer for building and writing: the graph and its document are made in slices (src/pacer.ts).
  const pacer = new Pacer();
  const graph =
    request.kind === 'range'
      ? await dynamicGraph(ex, request.from, request.to, { negotiations: request.negotiations, pacer })
      : await staticGraph(ex, request.at, { negotiationYears: request.negotiationYears });
  await pipeline(Readable.from(documentChunks(request.format, graph, pacer), { objectMode: false }), out, { end });
}

/** The document of a graph format, in chunks of about CHUNK_CHARS, ending with a line break. */
async function* documentChunks(format: ExportFormat, graph: ExportGraph, pacer: Pacer): AsyncGenerator<string> {
  if (format === 'gexf') {
    yield* gexfChunks(graph, pacer);
    yield '\n';
    return;
  }
  if (graph.mode !== 'static') return; // refused by runExport before anything is written
  switch (format) {
    case 'graphml': {
      // One date's graph, written at once (a few hundred KB at most), handed out in chunks.
      const pieces: string[] = [];
      let pending = '';
      await writeGraphml(graph, (piece) => {
        pending += piece;
        if (pending.length >= CHUNK_CHARS) {
          pieces.push(pending);
          pending = '';
        }
      });
      yield* pieces;
      yield `${pending}\n`;
      return;
    }
    case 'cytoscape':
      yield `${JSON.stringify(toCytoscape(graph))}\n`;
      return;
    case 'graphology':
      yield `${JSON.stringify(toGraphology(graph))}\n`;
      return;
  }
}

/**
 * A file name for the export, with the record's release (`alliances-1914-06-28-v1.0.0.gexf`,
 * `dyad-years-1816-1949-v1.0.0.csv`, `state-years-1815-2018-v1.0.0.csv`): a CSV has no other place for it.
 */
export function exportFileName(request: ExportRequest): string {
  const ext = FILE_EXTENSIONS[request.format];
  if (request.format === 'dyad-year' && request.kind === 'range')
    return versionedFileName(`dyad-years-${request.from.slice(0, 4)}-${request.to.slice(0, 4)}`, ext);
  if (request.format === 'state-year' && request.kind === 'range')
    return versionedFileName(`state-years-${request.from.slice(0, 4)}-${request.to.slice(0, 4)}`, ext);
  return versionedFileName(
    request.kind === 'at' ? `alliances-${request.at}` : `alliances-${request.from}-${request.to}`,
    ext,
  );
}
