/**
 * Dyad-year CSV in the peacesciencer shape, with ATOP's dyad-year rules (codebook §2.6–2.7; the
 * columns are documented with the codebook's wording in graph/README.md, "Dyad-year export"):
 *
 * - rows: every pair of states in the COW state system on a common day of the year (peacesciencer's
 *   `create_dyadyears()`: both in the system in the year, less its `false_cow_dyads`, the pairs that are
 *   never in the system on the same day); non-directed ccode1 < ccode2, or with `directed` both orders
 *   (ccode1 → ccode2, then ccode2 → ccode1);
 * - `atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul` (peacesciencer's names for
 *   ATOP's DEFENSE..CONSUL): members pair only within one ATOP alliance *and phase*, and only when both
 *   are members on a common day of the year; the obligations of a pair are ATOP's rules from the
 *   members' own coding (src/domain/obligations.ts): `dyadObligations` (either state toward the other)
 *   non-directed, `obligationsToward(ccode1, ccode2)` directed. A curated membership (no member-level
 *   coding) has its treaty's obligations, owed to every member;
 * - ATOP's other dyadic columns with the same prefix: `atop_shareob` (1 when the dyad shares an ATOP
 *   alliance but the row has none of the five obligations, else empty), `atop_transyr`,
 *   `atop_bilatno`, `atop_multino`, `atop_number`, `atop_asymm`; `atop_ids` (ATOP's ATOPID1..9,
 *   ;-separated). These and the five obligations count ATOP alliances only (a treaty with an ATOP id);
 * - `treaties`: every shared treaty, curated ones included (;-separated ids);
 * - `shared_targets`: the number of targets both stood against, `sharedTargets(ccode1, ccode2,
 *   <year>-07-01)` with its 10-year window (one evidence query per kind over the whole range,
 *   ./dyadYearEvidence.ts);
 * - `portfolio_s`: Signorino–Ritter S of their alliance portfolios that year over the states in the
 *   system on 1 July (and the two), each tie the strongest of the non-directed obligations
 *   (`dyadObligations`) of every treaty the two share in the year, curated ones included; what
 *   `portfolioSimilarity(ccode1, ccode2, year, S)` gives with ties from `dyadObligations`.
 *
 * Reads, all for the whole range and before the first row: the system spells, the memberships, then the
 * six kinds of target evidence 40 states per read; one read at a time with a turn of the event loop
 * between (the embedded store answers on the event loop's thread). Then per-year indices built once (the
 * pairs of each alliance phase with their common spell and obligations, bucketed by year). Rows are computed a year at a time and
 * written as CSV text with back-pressure, yielding to the event loop every few milliseconds of work,
 * so memory holds one year of rows, never the file.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { DEFAULT_WINDOW_YEARS } from '../analysis/sharedTargets.js';
import {
  MAX_TIE,
  commonSpell,
  OBLIGATIONS,
  OBLIGATION_INFO,
  inSystemAt,
  latestPhaseOfYear,
  midYear,
  obligationsToward,
  overlaps,
  systemKnown,
  tieLevel,
  yearEnd,
  yearStart,
  type StateSpell,
} from '../domain/index.js';
import * as q from '../store/queries.gen.js';
import { targetsByYear } from './dyadYearEvidence.js';
import { Pacer } from '../pacer.js';
import { memberCoding } from './model.js';

/** peacesciencer's names of ATOP's five obligation columns, in the domain's order: `atop_defense` … `atop_consul`. */
export const OBLIGATION_COLUMNS = OBLIGATIONS.map((o) => `atop_${OBLIGATION_INFO[o].atopColumn}` as const);
type ObligationColumn = (typeof OBLIGATION_COLUMNS)[number];

export const DYAD_YEAR_COLUMNS = [
  'ccode1',
  'ccode2',
  'year',
  ...OBLIGATION_COLUMNS,
  'atop_shareob',
  'atop_transyr',
  'atop_bilatno',
  'atop_multino',
  'atop_number',
  'atop_asymm',
  'atop_ids',
  'treaties',
  'shared_targets',
  'portfolio_s',
] as const;

export type DyadYearRow = Record<(typeof DYAD_YEAR_COLUMNS)[number], string | number | null>;

/** The five obligation columns of a mask (bit i: OBLIGATIONS[i]). */
const obligationCells = (mask: number) =>
  Object.fromEntries(OBLIGATION_COLUMNS.map((c, i) => [c, (mask >> i) & 1])) as Record<ObligationColumn, number>;
/** obligationCells of every mask, made once (a row per dyad-year would otherwise build its own). */
const CELLS_OF_MASK = Array.from({ length: 1 << OBLIGATION_COLUMNS.length }, (_, m) => obligationCells(m));

/** Bit i of an obligation mask is OBLIGATIONS[i]: defense, offense, neutrality, non-aggression, consultation (the five columns' order). */
const maskOf = (obligations: readonly string[]): number => {
  let m = 0;
  OBLIGATIONS.forEach((o, i) => {
    if (obligations.includes(o)) m |= 1 << i;
  });
  return m;
};
const LEVEL_OF_MASK = Array.from({ length: 1 << OBLIGATIONS.length }, (_, m) =>
  tieLevel(OBLIGATIONS.filter((_, i) => m & (1 << i))),
);
const SELF_LEVEL = tieLevel(['DEFENSE']);

type MembershipRow = q.ExportMembershipsRow;

/** Two members of one treaty phase on a common day: their common spell and ATOP's dyadic obligations. */
interface PairSpell {
  a: number;
  b: number;
  treaty: string;
  atopId: number | null;
  phase: number | null;
  bilateral: boolean;
  asymm: boolean;
  start: string;
  end: string | null;
  startYear: number;
  endYear: number | null;
  /** obligationsToward(a → b), (b → a), dyadObligations(a, b), as masks. */
  ab: number;
  ba: number;
  nd: number;
}

/** Every pair of members of one treaty phase with a common spell, bucketed by the years of [fromYear, toYear] it covers. */
async function pairSpellsByYear(
  memberships: readonly MembershipRow[],
  fromYear: number,
  toYear: number,
  pacer: Pacer,
): Promise<PairSpell[][]> {
  const byPhase = new Map<string, MembershipRow[]>();
  for (const m of memberships) {
    const k = `${m.treaty}\u0000${m.phase ?? 'none'}`; // a null phase pairs only with a null phase
    const list = byPhase.get(k);
    if (list) list.push(m);
    else byPhase.set(k, [m]);
  }
  const byYear: PairSpell[][] = Array.from({ length: Math.max(0, toYear - fromYear + 1) }, () => []);
  for (const rows of byPhase.values()) {
    await pacer.pace();
    // A treaty's bilateral flag when ATOP's is not recorded: two members.
    const distinct = new Set(rows.map((r) => r.ccode)).size;
    const coded = rows.map(memberCoding);
    // A turn between members when the slice is spent: a large multilateral phase is thousands of pairs.
    for (let i = 0; i < rows.length; i++) {
      if (pacer.due()) await pacer.turn();
      const x = rows[i]!;
      rows.forEach((z, j) => {
        if (x.ccode >= z.ccode) return;
        const common = commonSpell(x, z, x.ended); // ATOP's pairing rule (src/domain/allianceTies.ts)
        if (!common) return; // never members on the same day
        const { start, end } = common;
        const ab = maskOf(obligationsToward(coded[i]!, coded[j]!));
        const ba = maskOf(obligationsToward(coded[j]!, coded[i]!));
        const pair: PairSpell = {
          a: x.ccode,
          b: z.ccode,
          treaty: x.treaty,
          atopId: x.atopId,
          phase: x.phase,
          bilateral: x.bilateral ?? z.bilateral ?? distinct === 2,
          asymm: x.asymm === true || z.asymm === true,
          start,
          end,
          startYear: Number(start.slice(0, 4)),
          endYear: end === null ? null : Number(end.slice(0, 4)),
          ab,
          ba,
          nd: ab | ba, // ATOP's non-directed rule (`dyadObligations`): either owes the other
        };
        const y0 = Math.max(fromYear, pair.startYear);
        const y1 = Math.min(toYear, pair.endYear ?? toYear);
        for (let y = y0; y <= y1; y++) byYear[y - fromYear]!.push(pair);
      });
    }
  }
  // A year in which a pair's alliance changes phase counts the later phase only (ATOP's yearly files).
  const latest: PairSpell[][] = [];
  for (const pairs of byYear) {
    await pacer.pace();
    latest.push(latestPhaseOfYear(pairs, (p) => `${p.a}-${p.b}-${p.treaty}`));
  }
  return latest;
}

/** What one dyad shares in one year. */
interface DyadTies {
  /** ATOP alliances only: directed (lower → higher ccode, and back) and non-directed masks. */
  ab: number;
  ba: number;
  nd: number;
  /** Every treaty, curated included: the non-directed mask of the portfolio tie. */
  ndAll: number;
  atopIds: Set<number>;
  bilateralIds: Set<number>;
  treaties: Set<string>;
  asymm: boolean;
  transyr: boolean;
}

interface SpellRow {
  ccode: number;
  spells: StateSpell[];
}

/** The year's COW system spells of each state, clipped to the year; every state when no system data is loaded. */
function systemSpells(states: readonly SpellRow[], known: boolean, year: number): Map<number, [string, string][]> {
  const f = yearStart(year);
  const t = yearEnd(year);
  const out = new Map<number, [string, string][]>();
  for (const s of states) {
    if (!known) {
      if (!s.spells.some((p) => p.kind === 'IN_SYSTEM')) out.set(s.ccode, [[f, t]]);
      continue;
    }
    for (const p of s.spells) {
      if (p.kind !== 'IN_SYSTEM' || p.start > t || (p.end !== null && p.end < f)) continue;
      const clipped: [string, string] = [p.start > f ? p.start : f, p.end === null || p.end > t ? t : p.end];
      const list = out.get(s.ccode);
      if (list) list.push(clipped);
      else out.set(s.ccode, [clipped]);
    }
  }
  return out;
}

/** The states in the system on `at` (`inSystemAt`, as the analyses read it): the portfolio base of the year. */
function availableAt(states: readonly SpellRow[], known: boolean, at: string): number[] {
  return states.filter((s) => inSystemAt(s.spells, known, at)).map((s) => s.ccode);
}

/** The dyad-year rows of [fromYear, toYear], in order: an array per year and ccode1 (see yearRows). */
async function* yearBatches(
  ex: QueryExecutor,
  fromYear: number,
  toYear: number,
  directed: boolean,
): AsyncGenerator<DyadYearRow[]> {
  if (fromYear > toYear) return;
  // One read after the other, with a turn between: the embedded store answers on the event loop's thread.
  const pacer = new Pacer();
  const states = await ex.read(q.statesWithSpells);
  await pacer.turn();
  const memberships = await ex.read(q.exportMemberships, { from: yearStart(fromYear), to: yearEnd(toYear) });
  await pacer.turn();
  const known = systemKnown(states);
  const spellsOf = new Map<number, Map<number, [string, string][]>>();
  const everMember = new Set<number>();
  for (let y = fromYear; y <= toYear; y++) {
    await pacer.pace();
    const spells = systemSpells(states, known, y);
    spellsOf.set(y, spells);
    for (const c of spells.keys()) everMember.add(c);
  }
  // The evidence queries run in the store while the pairs are built here.
  const [targets, pairsByYear] = await Promise.all([
    targetsByYear(
      ex,
      [...everMember].sort((a, b) => a - b),
      fromYear,
      toYear,
      DEFAULT_WINDOW_YEARS,
      pacer,
    ),
    pairSpellsByYear(memberships, fromYear, toYear, pacer),
  ]);

  for (let year = fromYear; year <= toYear; year++) {
    await pacer.pace();
    // A year's rows in batches (one per ccode1), a turn whenever a slice is spent: a late year is
    // some 38,000 directed rows, too long for one slice.
    for (const rows of yearRows(
      year,
      spellsOf.get(year)!,
      availableAt(states, known, midYear(year)),
      pairsByYear[year - fromYear]!,
      targets.of,
      directed,
    )) {
      yield rows;
      if (pacer.due()) await pacer.turn();
    }
    spellsOf.delete(year);
  }
}

/** The cells a dyad's rows share, whichever the direction. */
interface PairCells {
  number: number;
  bilatno: number;
  transyr: number;
  asymm: number;
  atopIds: string;
  treaties: string;
  shared: number;
  portfolio: number | null;
}

/** The row of ccode1 `c1` toward `c2` in `year`, with c1's obligations `mask`. */
function dyadRow(c1: number, c2: number, year: number, mask: number, p: PairCells): DyadYearRow {
  return {
    ccode1: c1,
    ccode2: c2,
    year,
    ...CELLS_OF_MASK[mask]!,
    atop_shareob: p.number > 0 && mask === 0 ? 1 : null,
    atop_transyr: p.transyr,
    atop_bilatno: p.bilatno,
    atop_multino: p.number - p.bilatno,
    atop_number: p.number,
    atop_asymm: p.asymm,
    atop_ids: p.atopIds,
    treaties: p.treaties,
    shared_targets: p.shared,
    portfolio_s: p.portfolio,
  };
}

/**
 * One year's rows, a batch per ccode1 (in order): the ties of the year in one matrix (indexed by
 * state), the portfolio distance summed from it.
 */
function* yearRows(
  year: number,
  spells: Map<number, [string, string][]>,
  base: number[],
  pairs: readonly PairSpell[],
  targetsOf: (ccode: number, year: number) => ReadonlySet<number>,
  directed: boolean,
): Generator<DyadYearRow[]> {
  const f = yearStart(year);
  const t = yearEnd(year);
  const KEY = 100_000;
  const ties = new Map<number, DyadTies>();
  for (const p of pairs) {
    // A pair is in the year's bucket only when its common spell meets the year (pairSpellsByYear).
    const key = p.a * KEY + p.b;
    let tie = ties.get(key);
    if (!tie) {
      tie = {
        ab: 0,
        ba: 0,
        nd: 0,
        ndAll: 0,
        atopIds: new Set(),
        bilateralIds: new Set(),
        treaties: new Set(),
        asymm: false,
        transyr: false,
      };
      ties.set(key, tie);
    }
    tie.treaties.add(p.treaty);
    tie.ndAll |= p.nd;
    if (p.atopId === null) continue;
    tie.ab |= p.ab;
    tie.ba |= p.ba;
    tie.nd |= p.nd;
    tie.atopIds.add(p.atopId);
    if (p.bilateral) tie.bilateralIds.add(p.atopId);
    if (p.asymm) tie.asymm = true;
    if (p.startYear === year || p.endYear === year) tie.transyr = true;
  }
  const list = [...spells.keys()].sort((a, b) => a - b);
  const full = new Map<number, boolean>();
  for (const [c, s] of spells)
    full.set(
      c,
      s.some(([a, b]) => a === f && b === t),
    );
  const sameDay = (a: number, b: number) =>
    full.get(a) ||
    full.get(b) ||
    spells.get(a)!.some(([s1, e1]) => spells.get(b)!.some(([s2, e2]) => overlaps(s1, e1, s2, e2)));

  // Index every state that appears (members of the year and the portfolio base).
  const index = new Map<number, number>();
  for (const c of [...list, ...base]) if (!index.has(c)) index.set(c, index.size);
  const n = index.size;
  const levels = new Float64Array(n * n);
  for (let i = 0; i < n; i++) levels[i * n + i] = SELF_LEVEL;
  for (const [key, tie] of ties) {
    const i = index.get(Math.floor(key / KEY));
    const j = index.get(key % KEY);
    if (i === undefined || j === undefined) continue;
    const l = LEVEL_OF_MASK[tie.ndAll]!;
    levels[i * n + j] = l;
    levels[j * n + i] = l;
  }
  const baseIdx = Int32Array.from(base, (c) => index.get(c)!);
  const inBase = new Uint8Array(n);
  for (const k of baseIdx) inBase[k] = 1;
  const targets = list.map((c) => targetsOf(c, year));

  for (let i = 0; i < list.length; i++) {
    const out: DyadYearRow[] = [];
    const a = list[i]!;
    const ia = index.get(a)!;
    const ta = targets[i]!;
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j]!;
      if (!sameDay(a, b)) continue;
      const ib = index.get(b)!;
      const tie = ties.get(a * KEY + b);
      // Portfolio over the base states plus a and b: the distance is a sum, so its order is free.
      let distance = 0;
      const ra = ia * n;
      const rb = ib * n;
      for (let q = 0; q < baseIdx.length; q++)
        distance += Math.abs(levels[ra + baseIdx[q]!]! - levels[rb + baseIdx[q]!]!);
      let size = baseIdx.length;
      if (!inBase[ia]) {
        distance += Math.abs(levels[ia * n + ia]! - levels[ib * n + ia]!);
        size += 1;
      }
      if (!inBase[ib]) {
        distance += Math.abs(levels[ia * n + ib]! - levels[ib * n + ib]!);
        size += 1;
      }
      const s = size === 0 ? null : 1 - (2 * distance) / (size * MAX_TIE);
      const tb = targets[j]!;
      let shared = 0;
      for (const x of ta) if (x !== a && x !== b && tb.has(x)) shared += 1;
      const number = tie ? tie.atopIds.size : 0;
      const bilatno = tie ? tie.bilateralIds.size : 0;
      const transyr = tie?.transyr ? 1 : 0;
      const asymm = tie?.asymm ? 1 : 0;
      const atopIds = tie ? [...tie.atopIds].sort((p, r) => p - r).join(';') : '';
      const treaties = tie ? [...tie.treaties].sort().join(';') : '';
      const portfolio = s === null ? null : Math.round(s * 1e6) / 1e6;
      const pair: PairCells = { number, bilatno, transyr, asymm, atopIds, treaties, shared, portfolio };
      if (directed) out.push(dyadRow(a, b, year, tie?.ab ?? 0, pair), dyadRow(b, a, year, tie?.ba ?? 0, pair));
      else out.push(dyadRow(a, b, year, tie?.nd ?? 0, pair));
    }
    if (out.length) yield out;
  }
}

/** The dyad-year rows of [fromYear, toYear], year by year. */
export async function* dyadYearRows(
  ex: QueryExecutor,
  fromYear: number,
  toYear: number,
  options: { directed?: boolean } = {},
): AsyncGenerator<DyadYearRow> {
  for await (const rows of yearBatches(ex, fromYear, toYear, options.directed ?? false)) yield* rows;
}

/** A CSV field as csv-stringify writes it: quoted when it holds a delimiter, quote or line break. */
function field(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text: the header, then chunks of about CHUNK_CHARS. */
async function* csvChunks(
  ex: QueryExecutor,
  fromYear: number,
  toYear: number,
  directed: boolean,
): AsyncGenerator<string> {
  yield `${DYAD_YEAR_COLUMNS.join(',')}\n`;
  let text = '';
  for await (const rows of yearBatches(ex, fromYear, toYear, directed)) {
    for (const r of rows) {
      text += field(r.ccode1);
      for (let i = 1; i < DYAD_YEAR_COLUMNS.length; i++) text += `,${field(r[DYAD_YEAR_COLUMNS[i]!])}`;
      text += '\n';
    }
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

/** The characters of CSV gathered into one chunk of the output. */
const CHUNK_CHARS = 64 * 1024;

/** Streams the CSV to `out` (ended at the end unless `end: false`, e.g. for stdout). */
export async function writeDyadYearCsv(
  ex: QueryExecutor,
  fromYear: number,
  toYear: number,
  out: Writable,
  options: { directed?: boolean; end?: boolean } = {},
): Promise<void> {
  await pipeline(
    Readable.from(csvChunks(ex, fromYear, toYear, options.directed ?? false), { objectMode: false }),
    out,
    { end: options.end ?? true },
  );
}
