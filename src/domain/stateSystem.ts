/**
 * Who could act at a date: the COW state-system rule, one source for the analyses, the loaders and
 * the exports. A state is in the system on a day when one of its `IN_SYSTEM` spells covers it. Before
 * the COW states are imported no state has such a spell ("system unknown"), and every state counts
 * except (in a partial import) those that have spells.
 */
import { covers } from './dates.js';

export interface StateSpell {
  kind: string;
  start: string;
  end: string | null;
}

/** Whether the graph holds COW system membership at all (some state has an `IN_SYSTEM` spell). */
export function systemKnown(states: readonly { spells: readonly StateSpell[] }[]): boolean {
  return states.some((s) => s.spells.some((p) => p.kind === 'IN_SYSTEM'));
}

/** Whether a state with these spells was in the system on `at` (ISO date), under `known` (see `systemKnown`). */
export function inSystemAt(spells: readonly StateSpell[], known: boolean, at: string): boolean {
  return known
    ? spells.some((p) => p.kind === 'IN_SYSTEM' && covers(p.start, p.end, at))
    : !spells.some((p) => p.kind === 'IN_SYSTEM');
}
