/** The second coder's entry plan: its target (a threat, or states) and its sources. */
import * as cost from '../schema/fieldCost.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { SecondCoding } from '../schema/secondCoding.type.js';
import { State } from '../schema/state.type.js';
import { Threat } from '../schema/threat.type.js';
import { Citation } from '../schema/source.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import { citationsOf } from './citations.js';

@Resolver(() => SecondCoding)
export class SecondCodingResolver {
  @FieldResolver(() => Threat, {
    complexity: cost.read(),
    nullable: true,
    description:
      'The threat the second coder named; null where the coder named states instead, or could not code the target.',
  })
  target(@Root() c: SecondCoding, @Ctx() ctx: RequestContext) {
    return c.targetKey === null ? null : ctx.loaders.threat.load(c.targetKey);
  }

  @FieldResolver(() => [State], {
    nullable: true,
    complexity: cost.reads(4),
    description:
      'The states posing the target: those posing the named threat, or the states the second coder named; null where the target is not coded. Compared with the first coding without the party itself (docs/codebook.md §20.3).',
  })
  async targetStates(@Root() c: SecondCoding, @Ctx() ctx: RequestContext): Promise<State[] | null> {
    if (c.targetKey !== null) return ctx.loaders.posersOfThreat.load(c.targetKey);
    return c.targetCcodes === null ? null : loadAll(ctx.loaders.state, c.targetCcodes);
  }

  @FieldResolver(() => [Citation], { complexity: cost.reads(3), description: 'The works the second coding rests on.' })
  sources(@Root() c: SecondCoding, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'SecondCoding', c.key);
  }
}
