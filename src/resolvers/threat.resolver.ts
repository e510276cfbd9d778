import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { NotFoundError } from '../errors/index.js';
import { Threat } from '../schema/threat.type.js';
import { State } from '../schema/state.type.js';
import { Perception } from '../schema/perception.type.js';
import { Citation } from '../schema/source.type.js';
import { Connection, PageArgs, pageCost, pageWindow, toConnection } from '../schema/connection.js';
import { ThreatFilter } from '../schema/filters.input.js';
import { DateScalar } from '../schema/Date.scalar.js';
import { AT_ARG, ERA_ARG } from '../schema/argDocs.js';
import type { PartialDate } from '../schema/PartialDate.js';
import { loadAll } from '../loaders/createLoaders.js';
import { citationsOf } from './citations.js';
import { assertKnownState, keyOf, meets, periodOf } from './lookups.js';
import * as q from '../store/queries.gen.js';
import * as cost from '../schema/fieldCost.js';

const ThreatConnection = Connection(Threat, 'Threat');

@Resolver(() => Threat)
export class ThreatResolver {
  @Query(() => Threat, {
    nullable: true,
    complexity: cost.read(),
    description: 'One threat, by key ("threat-russia") or global id.',
  })
  async threat(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Key ("threat-russia") or global id.' }) id: string,
  ): Promise<Threat> {
    const key = keyOf(id, 'Threat', 'id');
    const t = await ctx.loaders.threat.load(key);
    if (!t) throw new NotFoundError('Threat', key);
    return t;
  }

  @Query(() => ThreatConnection, { nullable: true, complexity: pageCost(20), description: 'Threats ordered by key.' })
  async threats(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ThreatFilter, {
      description: 'Only the threats matching it (default: every threat).',
      nullable: true,
    })
    filter?: ThreatFilter,
  ) {
    const { skip, first } = pageWindow(page, ctx.limits.maxPageSize);
    await assertKnownState(ctx, filter?.posedBy, 'filter.posedBy');
    const [row] = await ctx.executor.read(q.threatsPage, { posedBy: filter?.posedBy ?? null, skip, first });
    return toConnection(await loadAll(ctx.loaders.threat, row?.page ?? []), row?.total ?? 0, skip);
  }

  @FieldResolver(() => [State], { complexity: cost.reads(2), description: 'The states posing the threat.' })
  posedBy(@Root() t: Threat, @Ctx() ctx: RequestContext): Promise<State[]> {
    return ctx.loaders.posersOfThreat.load(t.key);
  }

  @FieldResolver(() => [Perception], {
    complexity: cost.reads(15),
    description:
      'Who perceived it and when; with `at`, those perceiving it at that date; with `era`, at some time during it.',
  })
  async perceivedBy(
    @Root() t: Threat,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ) {
    const period = await periodOf(ctx, at, era);
    const all = await ctx.loaders.perceptionsOfThreat.load(t.key);
    return period ? all.filter((p) => meets(period, p.from, p.to)) : all;
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(2),
  })
  sources(@Root() t: Threat, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Threat', t.key);
  }
}
