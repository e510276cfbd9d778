/**
 * The targets each state stood against, year by year, for the dyad-year export's `shared_targets`:
 * the same evidence as `gatherTargetEvidence` (src/analysis/targetEvidence.ts) for the request
 * `{ ccode, from: <year>-07-01 − windowYears, to: <year>-07-01 }` of every state-year, reduced to its
 * set of targets, but read with one query per kind of evidence for all states over the whole range
 * (cypher/targetSpellsFrom*.cypher return each piece of evidence with its dates) and the windows of
 * each year applied here. The conditions are those of the targetsFrom*.cypher files:
 *
 * | kind | evidence counts in the year's window [from, to] when |
 * |---|---|
 * | WAR_PLAN | the negotiation overlaps it: start ≤ to and end ≥ from |
 * | TREATY | the membership and the treaty are in force at `to` |
 * | RIVALRY | the rivalry is active in the year of `to` |
 * | WAR, DISPUTE | the state's participation overlaps it: start ≤ to and (no end or end ≥ from) |
 * | PERCEPTION | the perception holds at `to` |
 *
 * test/export/dyadYearAtop.test.ts checks the sets against gatherTargetEvidence on sampled years.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { addYears, midYear } from '../domain/index.js';
import * as q from '../store/queries.gen.js';
import { Pacer } from '../pacer.js';

/** States per evidence read (a read of all of them takes up to ~50 ms of the event loop on a loaded machine). */
const STATES_PER_READ = 40;

/** The targets of every state in every year of [fromYear, toYear]; `of` returns an empty set for none. */
export interface TargetsByYear {
  of(ccode: number, year: number): ReadonlySet<number>;
}

/** Index of the first date ≥ d in the ascending `dates`; dates.length when none. */
function firstAtOrAfter(dates: readonly string[], d: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last date ≤ d in the ascending `dates`; −1 when none. */
const lastAtOrBefore = (dates: readonly string[], d: string): number => {
  const i = firstAtOrAfter(dates, d);
  return i < dates.length && dates[i] === d ? i : i - 1;
};

export async function targetsByYear(
  ex: QueryExecutor,
  ccodes: readonly number[],
  fromYear: number,
  toYear: number,
  windowYears: number,
  pacer = new Pacer(),
): Promise<TargetsByYear> {
  const n = toYear - fromYear + 1;
  const at = Array.from({ length: n }, (_, i) => midYear(fromYear + i));
  const windowFrom = at.map((d) => addYears(d, -windowYears));
  // Per state, its targets with the span of years (indices into `at`) in which each counts.
  const spans = new Map<number, { target: number; i0: number; i1: number }[]>();
  const add = (ccode: number, target: number, i0: number, i1: number) => {
    if (target === ccode) return;
    const a = Math.max(0, i0);
    const b = Math.min(n - 1, i1);
    if (a > b) return;
    const list = spans.get(ccode);
    if (list) list.push({ target, i0: a, i1: b });
    else spans.set(ccode, [{ target, i0: a, i1: b }]);
  };
  if (n > 0 && ccodes.length) {
    // The embedded store answers on the main thread: the states are read a batch at a time, one kind
    // after the other, with a turn for other requests between batches, so that no read holds the
    // event loop for long; the rows are a few thousand.
    const batches: number[][] = [];
    for (let i = 0; i < ccodes.length; i += STATES_PER_READ) batches.push(ccodes.slice(i, i + STATES_PER_READ));
    const readAll = async <R>(read: (batch: number[]) => Promise<R[]>): Promise<R[]> => {
      const out: R[] = [];
      for (const batch of batches) {
        out.push(...(await read(batch)));
        await pacer.pace();
      }
      return out;
    };
    const range = { from: windowFrom[0]!, to: at[n - 1]! };
    const plans = await readAll((b) => ex.read(q.targetSpellsFromWarPlans, { ccodes: b, ...range }));
    const treaties = await readAll((b) => ex.read(q.targetSpellsFromTreaties, { ccodes: b, ...range }));
    const rivalries = await readAll((b) => ex.read(q.targetSpellsFromRivalries, { ccodes: b, fromYear, toYear }));
    const wars = await readAll((b) => ex.read(q.targetSpellsFromWars, { ccodes: b, ...range }));
    const disputes = await readAll((b) => ex.read(q.targetSpellsFromDisputes, { ccodes: b, ...range }));
    const perceptions = await readAll((b) => ex.read(q.targetSpellsFromPerceptions, { ccodes: b, ...range }));
    // Overlapping the window: start ≤ to (from the first such year) and end ≥ from (up to the last).
    const overlapping = (
      r: { ccode: number; target: number; start: string | null; end: string | null },
      openEnd: boolean,
    ) => {
      if (r.start === null || (r.end === null && !openEnd)) return;
      add(r.ccode, r.target, firstAtOrAfter(at, r.start), r.end === null ? n - 1 : lastAtOrBefore(windowFrom, r.end));
    };
    // In force at `to`: start ≤ to ≤ every end.
    const holding = (ccode: number, target: number, start: string | null, ends: (string | null)[]) => {
      if (start === null) return;
      let i1 = n - 1;
      for (const e of ends) if (e !== null) i1 = Math.min(i1, lastAtOrBefore(at, e));
      add(ccode, target, firstAtOrAfter(at, start), i1);
    };
    // A few thousand rows: with a turn for other requests between kinds when the budget is spent.
    for (const r of plans) overlapping(r, false);
    await pacer.pace();
    for (const r of treaties) holding(r.ccode, r.target, r.start, [r.end, r.ended]);
    await pacer.pace();
    for (const r of rivalries)
      add(r.ccode, r.target, r.startYear - fromYear, r.endYear === null ? n - 1 : r.endYear - fromYear);
    await pacer.pace();
    for (const r of wars) overlapping(r, true);
    await pacer.pace();
    for (const r of disputes) overlapping(r, true);
    await pacer.pace();
    for (const r of perceptions) holding(r.ccode, r.target, r.start, [r.end]);
  }
  const EMPTY: ReadonlySet<number> = new Set();
  return {
    of(ccode, year) {
      const i = year - fromYear;
      let out: Set<number> | null = null;
      for (const s of spans.get(ccode) ?? []) if (s.i0 <= i && i <= s.i1) (out ??= new Set()).add(s.target);
      return out ?? EMPTY;
    },
  };
}
