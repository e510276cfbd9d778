import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { NotFoundError } from '../errors/index.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { State } from '../schema/state.type.js';
import { NegotiationParty } from '../schema/negotiationParty.type.js';
import { NegotiationRound } from '../schema/negotiationRound.type.js';
import { Proposal } from '../schema/proposal.type.js';
import { WarPlan } from '../schema/warPlan.type.js';
import { Treaty } from '../schema/treaty.type.js';
import { Era } from '../schema/era.type.js';
import { Citation } from '../schema/source.type.js';
import { WarPlanKind } from '../schema/enums.js';
import { Connection, PageArgs, pageWindow, toConnection } from '../schema/connection.js';
import { NegotiationFilter } from '../schema/filters.input.js';
import { loadAll } from '../loaders/createLoaders.js';
import { citationsOf } from './citations.js';
import { assertKnownState, keyOf } from './lookups.js';
import * as q from '../store/queries.gen.js';

const NegotiationConnection = Connection(Negotiation, 'Negotiation');

@Resolver(() => Negotiation)
export class NegotiationResolver {
  @Query(() => Negotiation, { description: 'One negotiation, by key ("anglo-german-1898") or global id.' })
  async negotiation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Negotiation> {
    const key = keyOf(id, 'Negotiation', 'id');
    const n = await ctx.loaders.negotiation.load(key);
    if (!n) throw new NotFoundError('Negotiation', key);
    return n;
  }

  @Query(() => NegotiationConnection, { description: 'Negotiations ordered by start date, successes and failures alike.' })
  async negotiations(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NegotiationFilter, { nullable: true }) filter?: NegotiationFilter,
  ) {
    const { skip, first } = pageWindow(page, ctx.limits.maxPageSize);
    await assertKnownState(ctx, filter?.party, 'filter.party');
    const [row] = await ctx.executor.read(q.negotiationsPage, {
      outcome: filter?.outcome ?? null,
      party: filter?.party ?? null,
      era: filter?.era ? keyOf(filter.era, 'Era', 'filter.era') : null,
      from: filter?.from?.start ?? null,
      to: filter?.to?.end ?? null,
      skip,
      first,
    });
    return toConnection(await loadAll(ctx.loaders.negotiation, row?.page ?? []), row?.total ?? 0, skip);
  }

  @FieldResolver(() => [State], { description: 'The states at the table.' })
  parties(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<State[]> {
    return ctx.loaders.partiesOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [NegotiationParty], { description: 'The parties with their positions: each one\'s plans and outside options at this negotiation.' })
  async partyPositions(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<NegotiationParty[]> {
    return (await ctx.loaders.partiesOfNegotiation.load(n.key)).map((s) => ({ negotiationKey: n.key, ccode: s.ccode }));
  }

  @FieldResolver(() => [NegotiationRound], { description: 'Rounds, in sequence.' })
  rounds(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<NegotiationRound[]> {
    return ctx.loaders.roundsOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [Proposal], { description: 'Proposals, in order.' })
  proposals(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Proposal[]> {
    return ctx.loaders.proposalsOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [WarPlan], { description: 'War plans brought to the table; `kind: IDEAL` for each party\'s ideal plan.' })
  async warPlans(@Root() n: Negotiation, @Ctx() ctx: RequestContext, @Arg('kind', () => WarPlanKind, { nullable: true }) kind?: WarPlanKind) {
    const plans = await ctx.loaders.warPlansOfNegotiation.load(n.key);
    return kind ? plans.filter((p) => p.kind === kind) : plans;
  }

  @FieldResolver(() => Treaty, { nullable: true, description: 'The treaty the negotiation ended in; null for a non-agreement.' })
  async treaty(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Treaty | null> {
    return (await ctx.loaders.treatyOfNegotiation.load(n.key))[0] ?? null;
  }

  @FieldResolver(() => Era, { nullable: true })
  async era(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Era | null> {
    return (await ctx.loaders.eraOfNegotiation.load(n.key))[0] ?? null;
  }

  @FieldResolver(() => [Citation])
  sources(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Negotiation', n.key);
  }
}
