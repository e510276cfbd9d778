/** Argument checks shared by resolvers: they turn unknown keys into clear, coded errors. */
import type { RequestContext } from '../context.js';
import { BadInputError } from '../errors/index.js';
import { parseGlobalId, type NodeTypeName } from '../schema/node.interface.js';

/** Rejects a filter naming a ccode the graph does not know. */
export async function assertKnownState(ctx: RequestContext, ccode: number | undefined | null, argument: string): Promise<void> {
  if (ccode === undefined || ccode === null) return;
  if (!(await ctx.loaders.state.load(ccode))) throw new BadInputError(`Unknown ccode ${ccode}: no state with this COW country code in the graph`, argument);
}

/** Rejects a list naming any ccode the graph does not know: one batched lookup for the whole list. */
export async function assertKnownStates(ctx: RequestContext, ccodes: readonly number[], argument: string): Promise<void> {
  const states = await ctx.loaders.state.loadMany(ccodes);
  const missing = ccodes.filter((_, i) => !states[i] || states[i] instanceof Error);
  if (missing.length) throw new BadInputError(`Unknown ccode ${missing.join(', ')}: no state with this COW country code in the graph`, argument);
}

/** Accepts a bare key ("anglo-german-1898") or a global id of the expected type ("Negotiation:anglo-german-1898"). */
export function keyOf(id: string, type: NodeTypeName, argument: string): string {
  const parsed = parseGlobalId(id);
  if (parsed.type && parsed.type !== type) throw new BadInputError(`${argument} must be a ${type} id, got a ${parsed.type} id`, argument);
  if (!parsed.key) throw new BadInputError(`${argument} is empty`, argument);
  return parsed.key;
}

export function inPeriod(at: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= at) && (to === null || to >= at);
}
