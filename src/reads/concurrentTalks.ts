/**
 * The negotiations states sat at during windows, read once per state: `cypher/concurrentNegotiationsOfStates.cypher`
 * runs with one item per distinct state over the union of its windows, and each window keeps the
 * negotiations overlapping it, less the one it excludes (the negotiation being examined). The same
 * rows as one item per window, without matching a state's negotiations again for every window.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import * as q from '../store/queries.gen.js';
import { overlaps } from '../domain/index.js';

export interface TalksWindow {
  ccode: number;
  from: string;
  to: string;
  exclude: string | null;
}

/** The talks of each window, in the query's order (by other party, start, negotiation). */
export async function readConcurrentTalks(
  ex: QueryExecutor,
  windows: readonly TalksWindow[],
): Promise<q.ConcurrentNegotiationsOfStatesRow[][]> {
  if (!windows.length) return [];
  const spans = new Map<number, { ccode: number; from: string; to: string; exclude: null }>();
  for (const w of windows) {
    const s = spans.get(w.ccode);
    // ISO dates compare as strings.
    if (!s) spans.set(w.ccode, { ccode: w.ccode, from: w.from, to: w.to, exclude: null });
    else {
      if (w.from < s.from) s.from = w.from;
      if (w.to > s.to) s.to = w.to;
    }
  }
  const byState = new Map<number, q.ConcurrentNegotiationsOfStatesRow[]>();
  for (const row of await ex.read(q.concurrentNegotiationsOfStates, { items: [...spans.values()] })) {
    // One CITES per reference: a negotiation citing one work at two locators names it once here.
    const r = { ...row, sources: [...new Set(row.sources)] };
    const list = byState.get(r.ccode);
    if (list) list.push(r);
    else byState.set(r.ccode, [r]);
  }
  return windows.map((w) =>
    (byState.get(w.ccode) ?? []).filter((t) => overlaps(t.start, t.end, w.from, w.to) && t.negotiation !== w.exclude),
  );
}
