/** Argument checks shared by resolvers: they turn unknown keys into clear, coded errors. */
import type { RequestContext } from '../context.js';
import { BadInputError, unknownCcodes } from '../errors/index.js';
import { overlaps } from '../domain/index.js';
import { parseGlobalId, type NodeTypeName } from '../schema/node.interface.js';
import type { PartialDate } from '../schema/PartialDate.js';

/** Rejects a filter naming a ccode the graph does not know. */
export async function assertKnownState(
  ctx: RequestContext,
  ccode: number | undefined | null,
  argument: string,
): Promise<void> {
  if (ccode === undefined || ccode === null) return;
  if (!(await ctx.loaders.state.load(ccode))) throw unknownCcodes([ccode], argument);
}

/** Rejects a list naming any ccode the graph does not know: one batched lookup for the whole list. */
export async function assertKnownStates(
  ctx: RequestContext,
  ccodes: readonly number[],
  argument: string,
): Promise<void> {
  const states = await ctx.loaders.state.loadMany(ccodes);
  const failed = states.find((s): s is Error => s instanceof Error);
  if (failed) throw failed; // a store error, TIMEOUT or CANCELLED: not an unknown ccode
  const missing = ccodes.filter((_, i) => !states[i]);
  if (missing.length) throw unknownCcodes(missing, argument);
}

/** Accepts a bare key ("anglo-german-1898") or a global id of the expected type ("Negotiation:anglo-german-1898"). */
export function keyOf(id: string, type: NodeTypeName, argument: string): string {
  const parsed = parseGlobalId(id);
  if (parsed.type && parsed.type !== type)
    throw new BadInputError(`${argument} must be a ${type} id, got a ${parsed.type} id`, argument);
  if (!parsed.key) throw new BadInputError(`${argument} is empty`, argument);
  return parsed.key;
}

/** A span of time asked about: one day (`at`) or an era's whole span. */
export interface Period {
  from: string;
  to: string;
}

/** Does the fact's span [start, end] meet the period (null start: always was; null end: still running)? */
export const meets = (p: Period, start: string | null, end: string | null): boolean =>
  overlaps(start ?? p.from, end, p.from, p.to);

/**
 * Reads an `at: Date` / `era: ID` pair of arguments: at most one may be given. `at` is its first day
 * (a year means 1 January); an era is its whole span. Null when neither is given.
 */
export async function periodOf(
  ctx: RequestContext,
  at: PartialDate | null | undefined,
  era: string | null | undefined,
  names: [string, string] = ['at', 'era'],
): Promise<Period | null> {
  if (at && era) throw new BadInputError(`give ${names[0]} or ${names[1]}, not both`, names[1]);
  if (at) return { from: at.start, to: at.start };
  if (!era) return null;
  const key = keyOf(era, 'Era', names[1]);
  const e = await ctx.loaders.era.load(key);
  if (!e) throw new BadInputError(`Unknown era ${JSON.stringify(key)} (see the eras query)`, names[1]);
  return { from: e.start, to: e.end };
}
