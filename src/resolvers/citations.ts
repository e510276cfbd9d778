/** Shared by every resolver with a `sources` field: one batched query per label per level. */
import type { RequestContext } from '../context.js';
import type { Citation } from '../schema/source.type.js';

type Cited = keyof RequestContext['loaders']['sourcesOf'];

export function citationsOf(ctx: RequestContext, label: Cited, key: string | number): Promise<Citation[]> {
  const loader = ctx.loaders.sourcesOf[label] as { load(k: string | number): Promise<Citation[]> };
  return loader.load(key);
}
