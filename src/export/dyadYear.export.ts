/**
 * Dyad-year CSV in the peacesciencer shape: `ccode1, ccode2, year`, then the ATOP alliance
 * obligation indicators `atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul` (1 when
 * a treaty with that obligation joined the two states at some time in the year, as peacesciencer's
 * `add_atop_alliance`), `atop_ids` and `treaties` (;-separated), `shared_targets` (number of targets
 * both stood against, `sharedTargets(ccode1, ccode2, <year>-07-01)`, 10-year window) and
 * `portfolio_s` (Signorino–Ritter S of their alliance portfolios that year, exactly
 * `portfolioSimilarity(ccode1, ccode2, year, S)`).
 *
 * Rows: every pair of states in the COW system at some time in the year (ccode1 < ccode2; with
 * `directed`, both orders). Streamed: the years are read and written ten at a time (a handful of
 * batched queries per chunk: memberships, states on 1 July, evidence of targets), rows go through
 * csv-stringify with back-pressure, so memory holds one chunk of years, never the whole file.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { MAX_TIE, tieLevel } from '../analysis/portfolioSimilarity.js';
import { DEFAULT_WINDOW_YEARS } from '../analysis/sharedTargets.js';
import { evidenceKey, gatherTargetEvidence, type EvidenceRequest, type TargetEvidence } from '../analysis/targetEvidence.js';
import { addYears, midYear, yearEnd, yearStart } from '../domain/index.js';
import * as q from '../store/queries.gen.js';

export const DYAD_YEAR_COLUMNS = [
  'ccode1', 'ccode2', 'year', 'atop_defense', 'atop_offense', 'atop_neutral', 'atop_nonagg', 'atop_consul',
  'atop_ids', 'treaties', 'shared_targets', 'portfolio_s',
] as const;

export type DyadYearRow = Record<(typeof DYAD_YEAR_COLUMNS)[number], string | number | null>;

const OBLIGATION_COLUMN: Record<string, 'atop_defense' | 'atop_offense' | 'atop_neutral' | 'atop_nonagg' | 'atop_consul'> = {
  DEFENSE: 'atop_defense', OFFENSE: 'atop_offense', NEUTRALITY: 'atop_neutral', NON_AGGRESSION: 'atop_nonagg', CONSULTATION: 'atop_consul',
};

export const CHUNK_YEARS = 10;

interface SpellRow { ccode: number; spells: { kind: string; start: string; end: string | null }[] }
interface MembershipRow { ccode: number; treaty: string; atopId: number | null; obligations: string[] | null; entry: string; exit: string | null; ended: string | null }


/** The dyad-year rows of [fromYear, toYear], chunk by chunk. */
export async function* dyadYearRows(ex: QueryExecutor, fromYear: number, toYear: number, options: { directed?: boolean } = {}): AsyncGenerator<DyadYearRow> {
  const states = await ex.read(q.exportSystemSpells);
  const systemKnown = states.some((s) => s.spells.some((p) => p.kind === 'IN_SYSTEM'));
  const membersOf = (year: number): number[] => {
    const f = yearStart(year);
    const t = yearEnd(year);
    return states.filter((s) => (systemKnown
      ? s.spells.some((p) => p.kind === 'IN_SYSTEM' && p.start <= t && (p.end === null || p.end >= f))
      : !s.spells.some((p) => p.kind === 'IN_SYSTEM'))).map((s) => s.ccode).sort((a, b) => a - b);
  };

  // One chunk's reads; the next chunk's are started before this chunk's rows are computed and
  // written, so the store (off the main thread) works while the rows are streamed.
  const fetchChunk = (y0: number) => {
    const y1 = Math.min(toYear, y0 + CHUNK_YEARS - 1);
    const years = Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i);
    const members = new Map(years.map((y) => [y, membersOf(y)]));
    const requests: EvidenceRequest[] = years.flatMap((y) => members.get(y)!.map((ccode) => {
      const at = midYear(y);
      return { ccode, from: addYears(at, -DEFAULT_WINDOW_YEARS), to: at };
    }));
    return Promise.all([
      ex.read(q.exportMemberships, { from: yearStart(y0), to: yearEnd(y1) }),
      ex.read(q.statesAvailableAt, { dates: years.map((y) => midYear(y)) }),
      gatherTargetEvidence(ex, requests),
    ]).then(([memberships, available, evidence]) => ({ years, members, memberships, available, evidence }));
  };
  let next = fromYear <= toYear ? fetchChunk(fromYear) : null;
  for (let y0 = fromYear; y0 <= toYear; y0 += CHUNK_YEARS) {
    const { years, members, memberships, available, evidence } = await next!;
    next = y0 + CHUNK_YEARS <= toYear ? fetchChunk(y0 + CHUNK_YEARS) : null;
    next?.catch(() => {}); // awaited on the next turn; not an unhandled rejection if this one throws
    const byTreaty = new Map<string, MembershipRow[]>();
    for (const m of memberships) {
      const rows = byTreaty.get(m.treaty);
      if (rows) rows.push(m); else byTreaty.set(m.treaty, [m]);
    }
    const availableAt = new Map<string, number[]>();
    for (const r of available) {
      const list = availableAt.get(r.at);
      if (list) list.push(r.ccode); else availableAt.set(r.at, [r.ccode]);
    }

    for (const year of years) {
      // Let other requests run between years: one year is a few milliseconds of work.
      await new Promise<void>((done) => setImmediate(done));
      yield* yearRows(year, members.get(year)!, byTreaty, availableAt.get(midYear(year)) ?? [], evidence, options.directed ?? false);
    }
  }
}

const DEFENSE_LEVEL = tieLevel(['DEFENSE']);
const NO_TIE_LEVEL = tieLevel([]);

/**
 * One year's rows. Same values as pairing `level()`/`sScore` and `combineSharedTargets` per dyad, but
 * with the tie levels of the year in one matrix (indexed by state), the portfolio distance summed
 * from it, and each state's evidence reduced once to its set of targets.
 */
function yearRows(
  year: number, list: number[], byTreaty: Map<string, MembershipRow[]>, base: number[],
  evidence: Map<string, TargetEvidence[]>, directed: boolean,
): DyadYearRow[] {
  const f = yearStart(year);
  const t = yearEnd(year);
  const mid = midYear(year);
  // Ties in force at some time in the year: the conditions of allianceTiesDuring(f, t).
  const ties = new Map<number, { obligations: Set<string>; atopIds: Set<number>; treaties: Set<string> }>();
  const KEY = 100_000;
  for (const rows of byTreaty.values()) {
    const active = rows.filter((m) => m.entry <= t && (m.exit === null || m.exit >= f) && (m.ended === null || m.ended >= f));
    for (const x of active) {
      for (const z of active) {
        if (x.ccode >= z.ccode) continue;
        const key = x.ccode * KEY + z.ccode;
        let tie = ties.get(key);
        if (!tie) { tie = { obligations: new Set(), atopIds: new Set(), treaties: new Set() }; ties.set(key, tie); }
        for (const o of x.obligations ?? []) tie.obligations.add(o);
        if (x.atopId !== null) tie.atopIds.add(x.atopId);
        tie.treaties.add(x.treaty);
      }
    }
  }
  // Index every state that appears (members of the year and the portfolio base).
  const index = new Map<number, number>();
  for (const c of [...list, ...base]) if (!index.has(c)) index.set(c, index.size);
  const n = index.size;
  const codes = [...index.keys()];
  const levels = new Float64Array(n * n).fill(NO_TIE_LEVEL);
  for (let i = 0; i < n; i++) levels[i * n + i] = DEFENSE_LEVEL;
  for (const [key, tie] of ties) {
    const i = index.get(Math.floor(key / KEY));
    const j = index.get(key % KEY);
    if (i === undefined || j === undefined) continue;
    const l = tieLevel([...tie.obligations]);
    levels[i * n + j] = l;
    levels[j * n + i] = l;
  }
  const baseIdx = base.map((c) => index.get(c)!);
  const inBase = new Uint8Array(n);
  for (const k of baseIdx) inBase[k] = 1;
  const window = { from: addYears(mid, -DEFAULT_WINDOW_YEARS), to: mid };
  const targetsOf = new Map<number, Set<number>>();
  for (const c of list) targetsOf.set(c, new Set((evidence.get(evidenceKey({ ccode: c, ...window })) ?? []).map((e) => e.target)));

  const out: DyadYearRow[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const ia = index.get(a)!;
    const ta = targetsOf.get(a)!;
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j]!;
      const ib = index.get(b)!;
      const tie = ties.get(a * KEY + b);
      // Portfolio over the base states plus a and b: the distance is a sum, so its order is free.
      let distance = 0;
      for (const k of baseIdx) distance += Math.abs(levels[ia * n + k]! - levels[ib * n + k]!);
      let size = baseIdx.length;
      if (!inBase[ia]) { distance += Math.abs(levels[ia * n + ia]! - levels[ib * n + ia]!); size += 1; }
      if (!inBase[ib]) { distance += Math.abs(levels[ia * n + ib]! - levels[ib * n + ib]!); size += 1; }
      const s = size === 0 ? null : 1 - (2 * distance) / (size * MAX_TIE);
      const tb = targetsOf.get(b)!;
      let shared = 0;
      for (const x of ta) if (x !== a && x !== b && tb.has(x)) shared += 1;
      const row: DyadYearRow = {
        ccode1: a, ccode2: b, year,
        atop_defense: 0, atop_offense: 0, atop_neutral: 0, atop_nonagg: 0, atop_consul: 0,
        atop_ids: tie ? [...tie.atopIds].sort((p, q) => p - q).join(';') : '',
        treaties: tie ? [...tie.treaties].sort().join(';') : '',
        shared_targets: shared,
        portfolio_s: s === null ? null : Math.round(s * 1e6) / 1e6,
      };
      for (const o of tie?.obligations ?? []) { const col = OBLIGATION_COLUMN[o]; if (col) row[col] = 1; }
      out.push(row);
      if (directed) out.push({ ...row, ccode1: b, ccode2: a });
    }
  }
  return out;
}

/** Streams the CSV to `out` (ended at the end unless `end: false`, e.g. for stdout). */
export async function writeDyadYearCsv(ex: QueryExecutor, fromYear: number, toYear: number, out: Writable, options: { directed?: boolean; end?: boolean } = {}): Promise<void> {
  await pipeline(
    Readable.from(dyadYearRows(ex, fromYear, toYear, options)),
    stringify({ header: true, columns: [...DYAD_YEAR_COLUMNS], cast: { number: (n) => String(n) } }),
    out,
    { end: options.end ?? true },
  );
}
