/**
 * Outside options of (negotiation, party) pairs, batched: however many pairs a request asks for
 * (e.g. `negotiations { parties { outsideOptions } }` over every negotiation), the negotiations,
 * their parties and war plans come from the batched loaders and the assessment runs its fixed set
 * of queries once for the whole batch.
 */
import DataLoader from 'dataloader';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { assessOutsideOptions, type OptionRequest, type OptionResult } from '../analysis/outsideOptions.js';
import { DEFAULT_WINDOW_YEARS } from '../analysis/sharedTargets.js';
import type { BaseLoaders } from './createLoaders.js';
import { idealPlansOf, targetsOf } from './idealPlans.js';

export const optionKey = (negotiation: string, party: number) => `${negotiation}|${party}`;

export function outsideOptionsLoader(ex: QueryExecutor, l: BaseLoaders) {
  return new DataLoader<string, OptionResult>(async (keys) => {
    const pairs = keys.map((k) => {
      const i = k.lastIndexOf('|');
      return { negotiation: k.slice(0, i), party: Number(k.slice(i + 1)) };
    });
    const ids = [...new Set(pairs.map((p) => p.negotiation))];
    const [negotiations, parties, plans] = await Promise.all([
      l.negotiation.loadMany(ids), l.partiesOfNegotiation.loadMany(ids), Promise.all(ids.map((id) => idealPlansOf(l, id))),
    ]);
    const index = new Map(ids.map((id, i) => [id, i]));

    const requests: (OptionRequest | Error)[] = pairs.map(({ negotiation, party }) => {
      const i = index.get(negotiation)!;
      const n = negotiations[i];
      if (!n || n instanceof Error) return n instanceof Error ? n : new Error(`no negotiation ${negotiation}`);
      const atTable = (parties[i] as { ccode: number }[]).map((s) => s.ccode);
      if (!atTable.includes(party)) return new Error(`state ${party} is not a party to ${negotiation}`);
      const targets = targetsOf(plans[i]!, party);
      return { party, at: n.start, talksFrom: n.start, talksTo: n.end, atTable, targets, negotiation, windowYears: DEFAULT_WINDOW_YEARS };
    });
    const valid = requests.filter((r): r is OptionRequest => !(r instanceof Error));
    const results = await assessOutsideOptions(ex, valid);
    let j = 0;
    return requests.map((r) => (r instanceof Error ? r : results[j++]!));
  });
}
