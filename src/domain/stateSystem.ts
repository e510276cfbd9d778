/**
 * Who could act at a date: the COW state-system rule, one source for the analyses, the loaders and
 * the exports. A state is in the system on a day when one of its `IN_SYSTEM` spells covers it. Before
 * the COW states are imported no state has such a spell ("system unknown"), and every state counts
 * except (in a partial import) those that have spells.
 */
import { overlaps } from './dates.js';

export interface StateSpell {
  kind: string;
  start: string;
  end: string | null;
}

/** Whether the graph holds COW system membership at all (some state has an `IN_SYSTEM` spell). */
export function systemKnown(states: readonly { spells: readonly StateSpell[] }[]): boolean {
  return states.some((s) => s.spells.some((p) => p.kind === 'IN_SYSTEM'));
}

/**
 * Whether a state with these spells was in the system at some time in [from, to] (ISO dates; from =
 * to for one day); null when it has no `IN_SYSTEM` spell, i.e. the graph holds no system data for it.
 */
export function inSystemDuring(spells: readonly StateSpell[], from: string, to: string): boolean | null {
  const system = spells.filter((p) => p.kind === 'IN_SYSTEM');
  return system.length ? system.some((p) => overlaps(p.start, p.end, from, to)) : null;
}

/** Whether a state with these spells was in the system on `at` (ISO date), under `known` (see `systemKnown`). */
export function inSystemAt(spells: readonly StateSpell[], known: boolean, at: string): boolean {
  const member = inSystemDuring(spells, at, at);
  return known ? member === true : member === null;
}
