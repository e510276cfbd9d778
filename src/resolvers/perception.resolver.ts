import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { Perception } from '../schema/perception.type.js';
import { State } from '../schema/state.type.js';
import { Threat } from '../schema/threat.type.js';
import { Citation } from '../schema/source.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => Perception)
export class PerceptionResolver {
  @FieldResolver(() => State, { description: 'The perceiving state.', complexity: cost.read(), nullable: true })
  state(@Root() p: Perception, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(p.ccode);
  }

  @FieldResolver(() => Threat, { description: 'The threat perceived.', complexity: cost.read(), nullable: true })
  threat(@Root() p: Perception, @Ctx() ctx: RequestContext) {
    return ctx.loaders.threat.load(p.threatKey);
  }

  @FieldResolver(() => [Citation], {
    complexity: cost.reads(2),
    description: 'Sources for the perception (the relationship records their keys).',
  })
  async sources(@Root() p: Perception, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    const sources = await loadAll(ctx.loaders.source, p.sourceKeys);
    return sources.map((source) => ({ source, pages: null, chapter: null, document: null, seenAt: null, note: null }));
  }
}
