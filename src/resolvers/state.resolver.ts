import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { BadInputError, NotFoundError } from '../errors/index.js';
import { State } from '../schema/state.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { TreatyMembership } from '../schema/treaty.type.js';
import { Perception } from '../schema/perception.type.js';
import { Citation } from '../schema/source.type.js';
import { Connection, PageArgs, pageWindow, toConnection } from '../schema/connection.js';
import { StateFilter } from '../schema/filters.input.js';
import { DateScalar } from '../schema/Date.scalar.js';
import type { PartialDate } from '../schema/PartialDate.js';
import { loadAll } from '../loaders/createLoaders.js';
import { toState } from '../loaders/rowMappers.js';
import { citationsOf } from './citations.js';
import { inPeriod, keyOf } from './lookups.js';

const StateConnection = Connection(State, 'State');

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, { description: 'One state, by COW ccode, COW abbreviation or global id (give exactly one).' })
  async state(
    @Ctx() ctx: RequestContext,
    @Arg('ccode', () => Int, { nullable: true }) ccode?: number,
    @Arg('abbrev', () => String, { nullable: true }) abbrev?: string,
    @Arg('id', () => ID, { nullable: true }) id?: string,
  ): Promise<State> {
    const given = [ccode, abbrev, id].filter((v) => v !== undefined && v !== null).length;
    if (given !== 1) throw new BadInputError('state takes exactly one of ccode, abbrev or id');
    if (abbrev !== undefined && abbrev !== null) {
      const [row] = await ctx.executor.read('stateByAbbrev', { abbrev: abbrev.toUpperCase() });
      if (!row) throw new NotFoundError('State with abbreviation', abbrev);
      return toState(row);
    }
    const code = ccode ?? Number(keyOf(id!, 'State', 'id'));
    if (!Number.isInteger(code)) throw new BadInputError(`${id} is not a State id (State:<ccode>)`, 'id');
    const state = await ctx.loaders.state.load(code);
    if (!state) throw new NotFoundError('State with ccode', code);
    return state;
  }

  @Query(() => StateConnection, { description: 'States ordered by ccode.' })
  async states(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StateFilter, { nullable: true }) filter?: StateFilter,
  ) {
    const { skip, first } = pageWindow(page, ctx.limits.maxPageSize);
    const [row] = await ctx.executor.read<{ total: number; page: Record<string, unknown>[] }>('statesPage', {
      search: filter?.search ?? null, inSystemAt: filter?.inSystemAt?.start ?? null, skip, first,
    });
    const states = (row?.page ?? []).map(toState);
    states.forEach((s) => ctx.loaders.state.prime(s.ccode, s));
    return toConnection(states, row?.total ?? 0, skip);
  }

  @FieldResolver(() => [Negotiation], { description: 'Negotiations this state took part in, in order.' })
  async negotiations(@Root() state: State, @Ctx() ctx: RequestContext): Promise<Negotiation[]> {
    return loadAll(ctx.loaders.negotiation, await ctx.loaders.negotiationsOfState.load(state.ccode));
  }

  @FieldResolver(() => [TreatyMembership], { description: 'Treaty memberships; with `at`, only those in force at that date.' })
  async treaties(@Root() state: State, @Ctx() ctx: RequestContext, @Arg('at', () => DateScalar, { nullable: true }) at?: PartialDate) {
    const all = await ctx.loaders.treatiesOfState.load(state.ccode);
    return at ? all.filter((m) => inPeriod(at.start, m.entry, m.exit)) : all;
  }

  @FieldResolver(() => [Perception], { description: 'Threats this state perceived; with `at`, only those perceived at that date.' })
  async threatsPerceived(@Root() state: State, @Ctx() ctx: RequestContext, @Arg('at', () => DateScalar, { nullable: true }) at?: PartialDate) {
    const all = await ctx.loaders.perceptionsOfState.load(state.ccode);
    return at ? all.filter((p) => inPeriod(at.start, p.from, p.to)) : all;
  }

  @FieldResolver(() => [Citation])
  sources(@Root() state: State, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'State', state.ccode);
  }
}
