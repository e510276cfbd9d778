/**
 * The states that could act at each of some dates (members of the COW state system then, by
 * `inSystemAt`), from one read of every state's spells (`cypher/statesWithSpells.cypher`, ~220 rows,
 * no parameters: the server's read cache keeps it between requests). Matching the spells of every
 * state against every date in Cypher cost 25–40 ms for the 46 dates of the heavy outside-options
 * request; the read and the rule in JS cost 3–4 ms.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import * as q from '../store/queries.gen.js';
import { inSystemAt, systemKnown } from '../domain/index.js';

export interface AvailableState {
  at: string;
  ccode: number;
  abbrev: string;
  name: string;
  systemKnown: boolean;
}

/** One row per (date, state in the system then), by date (in the order given) then ccode. */
export async function readStatesAvailableAt(ex: QueryExecutor, dates: readonly string[]): Promise<AvailableState[]> {
  if (!dates.length) return [];
  const states = await ex.read(q.statesWithSpells);
  const known = systemKnown(states);
  const out: AvailableState[] = [];
  for (const at of [...new Set(dates)].sort()) {
    for (const s of states)
      if (inSystemAt(s.spells, known, at))
        out.push({ at, ccode: s.ccode, abbrev: s.abbrev, name: s.name, systemKnown: known });
  }
  return out;
}
