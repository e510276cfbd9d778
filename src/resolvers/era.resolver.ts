import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { NotFoundError } from '../errors/index.js';
import { Era } from '../schema/era.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { Citation } from '../schema/source.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import { toEra } from '../loaders/rowMappers.js';
import { citationsOf } from './citations.js';
import { keyOf } from './lookups.js';
import * as q from '../store/queries.gen.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => Era)
export class EraResolver {
  @Query(() => [Era], {
    complexity: cost.reads(11),
    description: 'Every era, in order (a short, fixed list: not paginated).',
  })
  async eras(@Ctx() ctx: RequestContext): Promise<Era[]> {
    const eras = (await ctx.executor.read(q.erasAll)).map(toEra);
    eras.forEach((e) => ctx.loaders.era.prime(e.key, e));
    return eras;
  }

  @Query(() => Era, {
    nullable: true,
    complexity: cost.read(),
    description: 'One era, by key ("interwar") or global id.',
  })
  async era(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Key ("interwar") or global id.' }) id: string,
  ): Promise<Era> {
    const key = keyOf(id, 'Era', 'id');
    const e = await ctx.loaders.era.load(key);
    if (!e) throw new NotFoundError('Era', key);
    return e;
  }

  @FieldResolver(() => [Negotiation], {
    complexity: cost.reads(94),
    description: 'Negotiations that began in this era.',
  })
  async negotiations(@Root() e: Era, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.negotiation, await ctx.loaders.negotiationsOfEra.load(e.key));
  }

  @FieldResolver(() => [Citation], { description: 'The works that name and date the era.', complexity: cost.reads(3) })
  sources(@Root() e: Era, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Era', e.key);
  }
}
