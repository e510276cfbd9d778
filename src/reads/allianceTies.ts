/**
 * Alliance ties of states at dates, read once per state: `cypher/allianceTiesOfStates.cypher` runs
 * with one item per distinct state, at the latest date asked for it, and each (state, date) gets the
 * rows of ties both members had entered by its date. The same rows as one item per (state, date),
 * at a fraction of the matching: the heavy `negotiations(first: 50) { … outsideOptions }` asks for
 * 117 (state, date) pairs of 17 states. Co-members of a phase that owe each other nothing under
 * ATOP's dyad rule (`dyadObligations`) are no tie and are dropped; each row carries the obligations.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import * as q from '../store/queries.gen.js';
import { commonSpell, dyadObligations } from '../domain/index.js';

export type AllianceTie = q.AllianceTiesOfStatesRow & { obligations: string[] };

/** The days a tie's two members were paired (src/domain/allianceTies.ts), or null if never. */
export const tieSpell = (r: q.AllianceTiesOfStatesRow) =>
  commonSpell(
    { ccode: r.ccode, phase: r.phase, entry: r.entry, exit: r.exit },
    { ccode: r.other, phase: r.phase, entry: r.otherEntry, exit: r.otherExit },
    r.ended,
  );

/** The ties of each item, in the query's order; `at` in each row is the item's date. */
export async function readAllianceTies(
  ex: QueryExecutor,
  items: readonly { ccode: number; at: string }[],
): Promise<AllianceTie[][]> {
  if (!items.length) return [];
  const latest = new Map<number, string>();
  for (const { ccode, at } of items) if (!(latest.get(ccode)! >= at)) latest.set(ccode, at);
  const rows = await ex.read(q.allianceTiesOfStates, { items: [...latest].map(([ccode, at]) => ({ ccode, at })) });
  const byState = new Map<number, AllianceTie[]>();
  for (const r of rows) {
    const obligations = dyadObligations(
      { ccode: r.ccode, obligations: r.ownObligations, varying: r.ownVarying, owedTo: r.ownOwedTo },
      { ccode: r.other, obligations: r.otherObligations, varying: r.otherVarying, owedTo: r.otherOwedTo },
    ) as string[];
    if (!obligations.length) continue;
    const list = byState.get(r.ccode);
    const tie = { ...r, obligations };
    if (list) list.push(tie);
    else byState.set(r.ccode, [tie]);
  }
  // Ties the two had formed by the date (ATOP's pairing rule: members on a common day). ISO dates compare as strings.
  return items.map(({ ccode, at }) =>
    (byState.get(ccode) ?? []).filter((r) => (tieSpell(r)?.start ?? '9999') <= at).map((r) => ({ ...r, at })),
  );
}
