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
import { sScore, tieLevel } from '../analysis/portfolioSimilarity.js';
import { combineSharedTargets } from '../analysis/sharedTargets.js';
import { DEFAULT_WINDOW_YEARS } from '../analysis/sharedTargets.js';
import { evidenceKey, gatherTargetEvidence, type EvidenceRequest } from '../analysis/targetEvidence.js';
import { addYears } from '../analysis/dates.js';
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

const pad = (y: number) => String(y).padStart(4, '0');

/** The dyad-year rows of [fromYear, toYear], chunk by chunk. */
export async function* dyadYearRows(ex: QueryExecutor, fromYear: number, toYear: number, options: { directed?: boolean } = {}): AsyncGenerator<DyadYearRow> {
  const states = await ex.read(q.exportSystemSpells);
  const systemKnown = states.some((s) => s.spells.some((p) => p.kind === 'IN_SYSTEM'));
  const membersOf = (year: number): number[] => {
    const f = `${pad(year)}-01-01`;
    const t = `${pad(year)}-12-31`;
    return states.filter((s) => (systemKnown
      ? s.spells.some((p) => p.kind === 'IN_SYSTEM' && p.start <= t && (p.end === null || p.end >= f))
      : !s.spells.some((p) => p.kind === 'IN_SYSTEM'))).map((s) => s.ccode).sort((a, b) => a - b);
  };

  for (let y0 = fromYear; y0 <= toYear; y0 += CHUNK_YEARS) {
    const y1 = Math.min(toYear, y0 + CHUNK_YEARS - 1);
    const years = Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i);
    const members = new Map(years.map((y) => [y, membersOf(y)]));
    const requests: EvidenceRequest[] = years.flatMap((y) => members.get(y)!.map((ccode) => {
      const at = `${pad(y)}-07-01`;
      return { ccode, from: addYears(at, -DEFAULT_WINDOW_YEARS), to: at };
    }));
    const [memberships, available, evidence] = await Promise.all([
      ex.read(q.exportMemberships, { from: `${pad(y0)}-01-01`, to: `${pad(y1)}-12-31` }),
      ex.read(q.statesAvailableAt, { dates: years.map((y) => `${pad(y)}-07-01`) }),
      gatherTargetEvidence(ex, requests),
    ]);
    const byTreaty = new Map<string, MembershipRow[]>();
    for (const m of memberships) byTreaty.set(m.treaty, [...(byTreaty.get(m.treaty) ?? []), m]);

    for (const year of years) {
      const f = `${pad(year)}-01-01`;
      const t = `${pad(year)}-12-31`;
      // Ties in force at some time in the year: the conditions of allianceTiesDuring(f, t).
      const ties = new Map<string, { obligations: Set<string>; atopIds: Set<number>; treaties: Set<string> }>();
      for (const rows of byTreaty.values()) {
        const active = rows.filter((m) => m.entry <= t && (m.exit === null || m.exit >= f) && (m.ended === null || m.ended >= f));
        for (const x of active) {
          for (const z of active) {
            if (x.ccode >= z.ccode) continue;
            const key = `${x.ccode}-${z.ccode}`;
            const tie = ties.get(key) ?? { obligations: new Set(), atopIds: new Set(), treaties: new Set() };
            for (const o of x.obligations ?? []) tie.obligations.add(o);
            if (x.atopId !== null) tie.atopIds.add(x.atopId);
            tie.treaties.add(x.treaty);
            ties.set(key, tie);
          }
        }
      }
      const level = (a: number, b: number) => (a === b ? tieLevel(['DEFENSE']) : tieLevel([...(ties.get(a < b ? `${a}-${b}` : `${b}-${a}`)?.obligations ?? [])]));
      const mid = `${pad(year)}-07-01`;
      const base = available.filter((r) => r.at === mid).map((r) => r.ccode);
      const baseSet = new Set(base);
      const list = members.get(year)!;
      const evidenceOf = (c: number) => evidence.get(evidenceKey({ ccode: c, from: addYears(mid, -DEFAULT_WINDOW_YEARS), to: mid })) ?? [];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          const tie = ties.get(`${a}-${b}`);
          const portfolioStates = baseSet.has(a) && baseSet.has(b) ? base : [...new Set([...base, a, b])].sort((p, q) => p - q);
          const s = sScore(portfolioStates.map((k) => level(a, k)), portfolioStates.map((k) => level(b, k)));
          const shared = combineSharedTargets(a, b, evidenceOf(a), evidenceOf(b)).length;
          const row: DyadYearRow = {
            ccode1: a, ccode2: b, year,
            atop_defense: 0, atop_offense: 0, atop_neutral: 0, atop_nonagg: 0, atop_consul: 0,
            atop_ids: tie ? [...tie.atopIds].sort((p, q) => p - q).join(';') : '',
            treaties: tie ? [...tie.treaties].sort().join(';') : '',
            shared_targets: shared,
            portfolio_s: s === null ? null : Math.round(s * 1e6) / 1e6,
          };
          for (const o of tie?.obligations ?? []) { const col = OBLIGATION_COLUMN[o]; if (col) row[col] = 1; }
          yield row;
          if (options.directed) yield { ...row, ccode1: b, ccode2: a };
        }
      }
    }
  }
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
