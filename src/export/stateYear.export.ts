/**
 * ATOP's state-year CSV (codebook §2.5, `atop5_1sy.csv`), computed from ATOP's member-level coding
 * that the ATOP importer writes on each `(State)-[MEMBER_OF]->(Treaty)` (one per member row of
 * `atop5_1m`: per member, phase and entry). Same columns, in ATOP's order and with ATOP's names:
 * `state, year, atopally, defense, offense, neutral, nonagg, consul, number, transyr,
 * atopid1..atopid59, version`.
 *
 * It is ATOP's definition, so it reads ATOP's memberships only: treaties with an `atopId`, and not
 * the curated (seed) memberships (`curated: true`, which carry no member-level coding). A graph
 * without the ATOP import gives the header alone.
 *
 * Rules (codebook §2.5, checked row for row against `atop5_1sy.csv` 1815–2018 by
 * test/export/stateYear.export.test.ts):
 * - a membership row counts in every year from its entry year to its exit year, both included (a
 *   state that joins and leaves within one year counts in that year); an open membership (ATOP:
 *   `yrexit` 0, "still in effect as of December 31, 2018") runs to the last year the release
 *   covers (`ATOP_COVERAGE_END`: 2018 for 5.0 and 5.1);
 * - one row per state and year in which the state is a member of some ATOP alliance (`atopally` 1);
 * - members without a COW country code (Annam, 8152) are left out, as in ATOP's file (codebook note 18);
 * - `defense` … `consul`: 1 when the state's own obligation of that type (its member row, not its
 *   partners') holds in some alliance it is a member of in the year; for an alliance whose phase
 *   changes during the year, the obligations of the latest phase of that year count (as ATOP's file:
 *   1857 Brazil in ATOP 1155, 1888 the Central American states in 1362, 1905 Japan in 1415, where the
 *   later phase drops an obligation, are coded without it);
 * - `number`: the alliances (distinct ATOP ids, not phases) the state is a member of in the year;
 * - `transyr`: 1 when a membership row of the state starts or ends in the year (an entry year, or a
 *   known exit year; a phase change is the end of one row and the start of the next);
 * - `atopid1..atopid59`: those ATOP ids in ascending order, then empty cells. A fixed 59 columns, as
 *   ATOP's file (its largest state-year has 59 alliances): the header never depends on the range,
 *   and the file is a drop-in for `atop5_1sy.csv`. A state-year with more alliances is an error,
 *   never a silently shortened row;
 * - `version`: the ATOP release the alliances were imported from (`Treaty.atopVersion`).
 *
 * Rows are sorted by year, then state (ATOP's file: by state, then year). Streamed: the years are
 * read (one query per chunk) and written CHUNK_YEARS at a time, through csv-stringify with
 * back-pressure, yielding to the event loop between chunks.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { OBLIGATIONS, isLaterPhase, isObligation, OBLIGATION_INFO, yearEnd, yearStart } from '../domain/index.js';
import * as q from '../store/queries.gen.js';

/** ATOP's state-year file has 59 ATOP id columns (the most alliances of one state in one year in 5.1). */
export const STATE_YEAR_ATOP_IDS = 59;

const OBLIGATION_COLUMNS = OBLIGATIONS.map((o) => OBLIGATION_INFO[o].atopColumn);
type ObligationColumn = (typeof OBLIGATION_COLUMNS)[number];

export const STATE_YEAR_COLUMNS: readonly string[] = [
  'state',
  'year',
  'atopally',
  ...OBLIGATION_COLUMNS,
  'number',
  'transyr',
  ...Array.from({ length: STATE_YEAR_ATOP_IDS }, (_, i) => `atopid${i + 1}`),
  'version',
];

export type StateYearRow = Record<string, number | string>;

/** The last year each ATOP release covers: its open memberships are "in effect as of December 31" of it. */
export const ATOP_COVERAGE_END: Readonly<Record<string, number>> = { '5.0': 2018, '5.1': 2018 };

export const CHUNK_YEARS = 25;

interface Accumulator {
  /** Per alliance: the latest phase counting in the year and the state's obligations in it. */
  alliances: Map<number, { phase: number; flags: Set<ObligationColumn> }>;
  transyr: boolean;
  versions: Set<string>;
}

/** The state-year rows of [fromYear, toYear], chunk by chunk (years ascending, states ascending within a year). */
export async function* stateYearRows(
  ex: QueryExecutor,
  fromYear: number,
  toYear: number,
): AsyncGenerator<StateYearRow> {
  // The next chunk's query runs while this chunk's rows are written.
  const fetchChunk = (y0: number) => {
    const y1 = Math.min(toYear, y0 + CHUNK_YEARS - 1);
    return ex
      .read(q.exportStateYearMemberships, { from: yearStart(y0), to: yearEnd(y1) })
      .then((rows) => ({ y0, y1, rows }));
  };
  let next = fromYear <= toYear ? fetchChunk(fromYear) : null;
  while (next) {
    const { y0, y1, rows } = await next;
    next = y1 < toYear ? fetchChunk(y1 + 1) : null;
    next?.catch(() => {}); // awaited on the next turn; not an unhandled rejection if this one throws
    yield* chunkRows(rows, y0, y1);
    // Let other requests run between chunks.
    await new Promise<void>((done) => setImmediate(done));
  }
}

/**
 * COW country codes have at most three digits; ATOP codes a member without one (Annam, 8152, in its
 * alliance with France, ATOP 1320) and leaves it out of its aggregated files (codebook note 18).
 */
const isCowCode = (ccode: number) => ccode < 1000;

/** The rows of the years [y0, y1] from the memberships in force at some time in them. */
function chunkRows(memberships: q.ExportStateYearMembershipsRow[], y0: number, y1: number): StateYearRow[] {
  const acc = new Map<number, Map<number, Accumulator>>(); // year -> state -> accumulator
  for (const m of memberships) {
    if (!isCowCode(m.ccode)) continue;
    const entryYear = Number(m.entry.slice(0, 4));
    const exitYear =
      m.exit !== null
        ? Number(m.exit.slice(0, 4))
        : ((m.version !== null ? ATOP_COVERAGE_END[m.version] : undefined) ?? y1);
    const flags = m.obligations.filter(isObligation).map((o) => OBLIGATION_INFO[o].atopColumn);
    for (let year = Math.max(entryYear, y0); year <= Math.min(exitYear, y1); year++) {
      let states = acc.get(year);
      if (!states) {
        states = new Map();
        acc.set(year, states);
      }
      let a = states.get(m.ccode);
      if (!a) {
        a = { alliances: new Map(), transyr: false, versions: new Set() };
        states.set(m.ccode, a);
      }
      const held = a.alliances.get(m.atopId);
      // A year in which the alliance changes phase counts the later phase only (src/domain/atopYears.ts).
      if (!held || isLaterPhase(m.phase, held.phase))
        a.alliances.set(m.atopId, { phase: m.phase, flags: new Set(flags) });
      else if (held.phase === m.phase) for (const f of flags) held.flags.add(f);
      if (year === entryYear || (m.exit !== null && year === exitYear)) a.transyr = true;
      if (m.version !== null) a.versions.add(m.version);
    }
  }
  const out: StateYearRow[] = [];
  for (const year of [...acc.keys()].sort((x, y) => x - y)) {
    const states = acc.get(year)!;
    for (const state of [...states.keys()].sort((x, y) => x - y)) {
      const a = states.get(state)!;
      const ids = [...a.alliances.keys()].sort((x, y) => x - y);
      if (ids.length > STATE_YEAR_ATOP_IDS)
        throw new Error(
          `state-year ${state} ${year}: ${ids.length} alliances, more than the ${STATE_YEAR_ATOP_IDS} atopid columns (raise STATE_YEAR_ATOP_IDS)`,
        );
      const row: StateYearRow = { state, year, atopally: 1 };
      for (const c of OBLIGATION_COLUMNS) row[c] = [...a.alliances.values()].some((h) => h.flags.has(c)) ? 1 : 0;
      row.number = ids.length;
      row.transyr = a.transyr ? 1 : 0;
      for (let i = 0; i < STATE_YEAR_ATOP_IDS; i++) row[`atopid${i + 1}`] = i < ids.length ? ids[i]! : '';
      row.version = [...a.versions].sort().join(';');
      out.push(row);
    }
  }
  return out;
}

/** Streams the CSV to `out` (ended at the end unless `end: false`, e.g. for stdout). */
export async function writeStateYearCsv(
  ex: QueryExecutor,
  fromYear: number,
  toYear: number,
  out: Writable,
  options: { end?: boolean } = {},
): Promise<void> {
  await pipeline(
    Readable.from(stateYearRows(ex, fromYear, toYear)),
    stringify({ header: true, columns: [...STATE_YEAR_COLUMNS], cast: { number: (n) => String(n) } }),
    out,
    { end: options.end ?? true },
  );
}
