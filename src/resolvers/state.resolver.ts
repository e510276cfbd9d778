import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { BadInputError, NotFoundError } from '../errors/index.js';
import { State } from '../schema/state.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { TreatyMembership } from '../schema/treaty.type.js';
import { Perception } from '../schema/perception.type.js';
import { Citation } from '../schema/source.type.js';
import { Capability } from '../schema/capability.type.js';
import { Connection, PageArgs, pageCost, pageWindow, toConnection } from '../schema/connection.js';
import { StateFilter } from '../schema/filters.input.js';
import { DateScalar } from '../schema/Date.scalar.js';
import { AT_ARG, ERA_ARG } from '../schema/argDocs.js';
import type { PartialDate } from '../schema/PartialDate.js';
import { loadAll } from '../loaders/createLoaders.js';
import { toState } from '../loaders/rowMappers.js';
import { citationsOf } from './citations.js';
import { keyOf, meets, periodOf, type Period } from './lookups.js';
import { Ally, Spell } from '../schema/spell.type.js';
import { Treaty } from '../schema/treaty.type.js';
import { OutsideOptions } from '../schema/outsideOptions.type.js';
import { inSystemDuring } from '../domain/index.js';
import { toOutsideOptions } from './analysisMappers.js';
import * as q from '../store/queries.gen.js';
import * as cost from '../schema/fieldCost.js';
import { OUTSIDE_OPTIONS_ALONE } from './outsideOptionsCost.js';

const StateConnection = Connection(State, 'State');

/** capabilities(from, to) holds at most the years asked for. */
const yearsAsked = (args: Record<string, unknown>) =>
  typeof args.from === 'number' && typeof args.to === 'number' ? Math.max(0, args.to - args.from + 1) : undefined;

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, {
    nullable: true,
    complexity: cost.read(),
    description: 'One state, by COW ccode, COW abbreviation or global id (give exactly one).',
  })
  async state(
    @Ctx() ctx: RequestContext,
    @Arg('ccode', () => Int, { description: 'COW country code.', nullable: true }) ccode?: number,
    @Arg('abbrev', () => String, { description: 'COW three-letter abbreviation (any case).', nullable: true })
    abbrev?: string,
    @Arg('id', () => ID, { description: 'Global id, "State:<ccode>".', nullable: true }) id?: string,
  ): Promise<State> {
    const given = [ccode, abbrev, id].filter((v) => v !== undefined && v !== null).length;
    if (given !== 1) throw new BadInputError('state takes exactly one of ccode, abbrev or id');
    if (abbrev !== undefined && abbrev !== null) {
      const [row] = await ctx.executor.read(q.stateByAbbrev, { abbrev: abbrev.toUpperCase() });
      if (!row) throw new NotFoundError('State with abbreviation', abbrev);
      return toState(row);
    }
    const code = ccode ?? Number(keyOf(id!, 'State', 'id'));
    if (!Number.isInteger(code)) throw new BadInputError(`${id} is not a State id (State:<ccode>)`, 'id');
    const state = await ctx.loaders.state.load(code);
    if (!state) throw new NotFoundError('State with ccode', code);
    return state;
  }

  @Query(() => StateConnection, { nullable: true, complexity: pageCost(20), description: 'States ordered by ccode.' })
  async states(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => StateFilter, {
      description: 'Only the states matching it (default: every state).',
      nullable: true,
    })
    filter?: StateFilter,
  ) {
    const { skip, first } = pageWindow(page, ctx.limits.maxPageSize);
    const period = await periodOf(ctx, filter?.inSystemAt, filter?.inSystemDuring, [
      'filter.inSystemAt',
      'filter.inSystemDuring',
    ]);
    const [row] = await ctx.executor.read(q.statesPage, {
      search: filter?.search ?? null,
      inSystemFrom: period?.from ?? null,
      inSystemTo: period?.to ?? null,
      skip,
      first,
    });
    const states = (row?.page ?? []).map(toState);
    states.forEach((s) => ctx.loaders.state.prime(s.ccode, s));
    return toConnection(states, row?.total ?? 0, skip);
  }

  @FieldResolver(() => [Negotiation], {
    complexity: cost.reads(18, { own: 2 }),
    description: 'Negotiations this state took part in, in order.',
  })
  async negotiations(@Root() state: State, @Ctx() ctx: RequestContext): Promise<Negotiation[]> {
    return loadAll(ctx.loaders.negotiation, await ctx.loaders.negotiationsOfState.load(state.ccode));
  }

  @FieldResolver(() => [TreatyMembership], {
    complexity: cost.reads(47, { own: 5 }),
    description: 'Treaty memberships; with `at`, those in force at that date; with `era`, at some time during it.',
  })
  async treaties(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ) {
    const period = await periodOf(ctx, at, era);
    const all = await ctx.loaders.treatiesOfState.load(state.ccode);
    return period ? all.filter((m) => meets(period, m.entry, m.exit)) : all;
  }

  @FieldResolver(() => [Perception], {
    complexity: cost.reads(6),
    description:
      'Threats this state perceived; with `at`, those perceived at that date; with `era`, at some time during it.',
  })
  async threatsPerceived(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ) {
    const period = await periodOf(ctx, at, era);
    const all = await ctx.loaders.perceptionsOfState.load(state.ccode);
    return period ? all.filter((p) => meets(period, p.from, p.to)) : all;
  }

  @FieldResolver(() => [Capability], {
    complexity: cost.reads(197, { own: 15, cap: yearsAsked }),
    description: 'NMC material capabilities by year (imported data set), optionally from/to a year (inclusive).',
  })
  capabilities(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Int, {
      description: 'First year, inclusive (default: the first in the data set).',
      nullable: true,
    })
    from?: number,
    @Arg('to', () => Int, { description: 'Last year, inclusive (default: the last in the data set).', nullable: true })
    to?: number,
  ): Promise<Capability[]> {
    return ctx.loaders.capabilitiesOfState.load({ ccode: state.ccode, from: from ?? null, to: to ?? null });
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(2),
  })
  sources(@Root() state: State, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'State', state.ccode);
  }

  @FieldResolver(() => [Spell], {
    complexity: cost.reads(2),
    description: 'Spells of COW state-system membership (a state can leave and re-enter).',
  })
  async systemMemberships(@Root() state: State, @Ctx() ctx: RequestContext): Promise<Spell[]> {
    return (await ctx.loaders.systemSpellsOfState.load(state.ccode)).filter((s) => s.kind === 'IN_SYSTEM');
  }

  @FieldResolver(() => [Spell], { complexity: cost.reads(1), description: 'Spells as a COW major power.' })
  async majorPowerSpells(@Root() state: State, @Ctx() ctx: RequestContext): Promise<Spell[]> {
    return (await ctx.loaders.systemSpellsOfState.load(state.ccode)).filter((s) => s.kind === 'MAJOR_POWER');
  }

  @FieldResolver(() => Boolean, {
    complexity: cost.read(),
    nullable: true,
    description:
      'A member of the state system at the date (or at some time during the era); null when the graph holds no COW system data for it.',
  })
  async inSystem(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ): Promise<boolean | null> {
    const period = await requiredPeriod(ctx, at, era);
    return inSystemDuring(await ctx.loaders.systemSpellsOfState.load(state.ccode), period.from, period.to);
  }

  @FieldResolver(() => Boolean, {
    complexity: cost.read(),
    nullable: true,
    description:
      'A COW major power at the date (or at some time during the era); null when the graph holds no COW system data for it.',
  })
  async majorPower(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ): Promise<boolean | null> {
    const period = await requiredPeriod(ctx, at, era);
    const spells = await ctx.loaders.systemSpellsOfState.load(state.ccode);
    if (!spells.length) return null;
    return spells.some((s) => s.kind === 'MAJOR_POWER' && meets(period, s.start, s.end));
  }

  @FieldResolver(() => [Ally], {
    complexity: cost.reads(51),
    description:
      'States allied to this one at the date (or at some time during the era), with the treaties between them.',
  })
  async allies(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ): Promise<Ally[]> {
    const period = await requiredPeriod(ctx, at, era);
    return ctx.loaders.alliesDuring.load({ ccode: state.ccode, from: period.from, to: period.to });
  }

  @FieldResolver(() => OutsideOptions, {
    complexity: cost.analysis(OUTSIDE_OPTIONS_ALONE),
    description:
      'Outside options of this state at a negotiation it is a party to (`Negotiation.partyPositions` gives them for every party, batched).',
  })
  async outsideOptions(
    @Root() state: State,
    @Ctx() ctx: RequestContext,
    @Arg('negotiation', () => ID, { description: 'The negotiation, by key or global id.' }) negotiation: string,
  ): Promise<OutsideOptions> {
    const key = keyOf(negotiation, 'Negotiation', 'negotiation');
    return toOutsideOptions(await ctx.analysis.optionsAtNegotiation(key, state.ccode, 'negotiation'));
  }
}

async function requiredPeriod(ctx: RequestContext, at?: PartialDate, era?: string): Promise<Period> {
  const period = await periodOf(ctx, at, era);
  if (!period) throw new BadInputError('give `at` (a date) or `era`', 'at');
  return period;
}

@Resolver(() => Ally)
export class AllyResolver {
  @FieldResolver(() => State, { description: 'The allied state.', complexity: cost.read(), nullable: true })
  state(@Root() a: Ally, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(a.ccode);
  }

  @FieldResolver(() => [Treaty], {
    description: 'The treaties that tie the two states in the period asked about.',
    complexity: cost.reads(3),
  })
  treaties(@Root() a: Ally, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.treaty, a.treatyKeys);
  }
}
