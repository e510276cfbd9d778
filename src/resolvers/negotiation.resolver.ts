import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
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
import { Coding, WarPlanKind } from '../schema/enums.js';
import { NegotiationCompatibility, RecordedOutsideOption, ThirdParty } from '../schema/coding.type.js';
import { Connection, PageArgs, pageCost, pageWindow, toConnection } from '../schema/connection.js';
import { NegotiationFilter } from '../schema/filters.input.js';
import { primed, primeRelated } from '../loaders/createLoaders.js';
import { toNegotiation, toProposal, toRound, toState, toTreaty } from '../loaders/rowMappers.js';
import { citationsOf } from './citations.js';
import { assertKnownState, keyOf } from './lookups.js';
import { selectedFields } from './selection.js';
import * as q from '../store/queries.gen.js';
import * as cost from '../schema/fieldCost.js';

const NegotiationConnection = Connection(Negotiation, 'Negotiation');

@Resolver(() => Negotiation)
export class NegotiationResolver {
  @Query(() => Negotiation, {
    nullable: true,
    complexity: cost.read(),
    description: 'One negotiation, by key ("anglo-german-1898") or global id.',
  })
  async negotiation(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { description: 'Key ("anglo-german-1898") or global id.' }) id: string,
  ): Promise<Negotiation> {
    const key = keyOf(id, 'Negotiation', 'id');
    // Its parties, rounds and proposals read with it when asked: one round trip, not one more per field.
    const asked = selectedFields(info, []);
    const want = {
      id: key,
      parties: asked.has('parties') || asked.has('partyPositions'),
      rounds: asked.has('rounds'),
      proposals: asked.has('proposals'),
    };
    if (!want.parties && !want.rounds && !want.proposals) {
      const n = await ctx.loaders.negotiation.load(key);
      if (!n) throw new NotFoundError('Negotiation', key);
      return n;
    }
    const row = await ctx.loaders.negotiationWithRelations.load(want);
    if (!row) throw new NotFoundError('Negotiation', key);
    if (want.parties) primeRelated(ctx.loaders.partiesOfNegotiation, key, row.parties, toState);
    if (want.rounds) primeRelated(ctx.loaders.roundsOfNegotiation, key, row.rounds, toRound);
    if (want.proposals) primeRelated(ctx.loaders.proposalsOfNegotiation, key, row.proposals, toProposal);
    const n = toNegotiation(row);
    ctx.loaders.negotiation.prime(key, n);
    return n;
  }

  @Query(() => NegotiationConnection, {
    nullable: true,
    complexity: pageCost(90),
    description: 'Negotiations ordered by start date, successes and failures alike.',
  })
  async negotiations(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NegotiationFilter, {
      description: 'Only the negotiations matching it (default: every negotiation).',
      nullable: true,
    })
    filter?: NegotiationFilter,
  ) {
    const { skip, first } = pageWindow(page, ctx.limits.maxPageSize);
    await assertKnownState(ctx, filter?.party, 'filter.party');
    // The long texts (two thirds of a page's bytes) only when the nodes are asked for them; the
    // parties and the treaty with the page when asked (one round trip, not one more per field).
    const asked = selectedFields(info, ['edges', 'node']);
    const texts = asked.has('summary') || asked.has('notes');
    const parties = asked.has('parties') || asked.has('partyPositions');
    const treaty = asked.has('treaty');
    const params = {
      outcome: filter?.outcome ?? null,
      era: filter?.era ? keyOf(filter.era, 'Era', 'filter.era') : null,
      from: filter?.from?.start ?? null,
      to: filter?.to?.end ?? null,
      skip,
      first,
      texts,
    };
    // A party's page reads the party's negotiations only (negotiationsOfPartyPage), not every one;
    // with the nodes' parties or treaty asked, negotiationsPage, which carries them.
    const [row] =
      filter?.party != null && !parties && !treaty
        ? await ctx.executor.read(q.negotiationsOfPartyPage, { ...params, party: filter.party })
        : await ctx.executor.read(q.negotiationsPage, { ...params, party: filter?.party ?? null, parties, treaty });
    const rows = row?.page ?? [];
    for (const r of rows) {
      primeRelated(ctx.loaders.partiesOfNegotiation, r.id, r.parties, toState, (a, b) => a.ccode - b.ccode);
      primeRelated(ctx.loaders.treatyOfNegotiation, r.id, r.treaty, toTreaty);
    }
    const nodes = primed(
      ctx.loaders.negotiation,
      rows,
      (r) => toNegotiation(r, texts),
      (n) => n.key,
    );
    return toConnection(nodes, row?.total ?? 0, skip);
  }

  @FieldResolver(() => String, { complexity: cost.read() })
  summary(@Root() n: Negotiation, @Ctx() ctx: RequestContext): string | Promise<string> {
    return n.summary ?? textsOf(ctx, n).then((whole) => whole.summary!);
  }

  @FieldResolver(() => String, { nullable: true, complexity: cost.read() })
  notes(@Root() n: Negotiation, @Ctx() ctx: RequestContext): string | null | Promise<string | null> {
    return n.summary !== undefined ? (n.notes ?? null) : textsOf(ctx, n).then((whole) => whole.notes ?? null);
  }

  @FieldResolver(() => [State], { complexity: cost.reads(4), description: 'The states at the table.' })
  parties(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<State[]> {
    return ctx.loaders.partiesOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [NegotiationParty], {
    complexity: cost.reads(4),
    description: "The parties with their positions: each one's plans and outside options at this negotiation.",
  })
  async partyPositions(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<NegotiationParty[]> {
    return (await ctx.loaders.partiesOfNegotiation.load(n.key)).map((s) => ({ negotiationKey: n.key, ccode: s.ccode }));
  }

  @FieldResolver(() => [ThirdParty], {
    complexity: cost.reads(2),
    description: 'States not at the table whose place was at issue (INVITED, VETO).',
  })
  thirdParties(@Root() n: Negotiation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.thirdPartiesOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [RecordedOutsideOption], {
    complexity: cost.reads(2),
    description:
      "The outside options the parties' decision-makers weighed, as the record gives them (per party: partyPositions.recordedOutsideOptions).",
  })
  recordedOutsideOptions(@Root() n: Negotiation, @Ctx() ctx: RequestContext) {
    return ctx.loaders.recordedOptionsOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [RecordedOutsideOption], {
    complexity: cost.reads(1),
    description:
      "Outside options weighed in other negotiations that a party took in this one (e.g. the German-Soviet pact of 1939 for the USSR's option in the British-French-Soviet talks).",
  })
  async realisesOutsideOptions(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<RecordedOutsideOption[]> {
    const links = await ctx.loaders.optionsRealisedIn.load(n.key);
    const options = await Promise.all(
      links.map(async (l) =>
        (await ctx.loaders.recordedOptionsOfNegotiation.load(l.negotiation)).find((o) => o.key === l.option),
      ),
    );
    return options.filter((o): o is RecordedOutsideOption => o !== undefined);
  }

  @FieldResolver(() => NegotiationCompatibility, {
    complexity: cost.analysis(3),
    description:
      "Compatibility of the parties' ideal plans: the entry plans (what the agreement model reads), and from each round in which a plan moved; scope and form where coded.",
  })
  async compatibility(
    @Root() n: Negotiation,
    @Ctx() ctx: RequestContext,
    @Arg('coding', () => Coding, {
      description: 'Which reading of the record the plans are taken from.',
      defaultValue: 'PRIMARY',
    })
    coding: Coding,
  ): Promise<NegotiationCompatibility> {
    return ctx.analysis.compatibilityByRound(n.key, coding);
  }

  @FieldResolver(() => [NegotiationRound], {
    complexity: cost.reads(3),
    description: 'Rounds, in sequence.',
  })
  rounds(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<NegotiationRound[]> {
    return ctx.loaders.roundsOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [Proposal], { complexity: cost.reads(2), description: 'Proposals, in order.' })
  proposals(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Proposal[]> {
    return ctx.loaders.proposalsOfNegotiation.load(n.key);
  }

  @FieldResolver(() => [WarPlan], {
    complexity: cost.reads(6),
    description:
      'War plans: `kind: IDEAL` for what each party wanted (entry plans, and later ones with `fromRound`), `PROPOSED` for what proposals put on the table.',
  })
  async warPlans(
    @Root() n: Negotiation,
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => WarPlanKind, { description: 'Only plans of this kind (default: both).', nullable: true })
    kind?: WarPlanKind,
  ) {
    const plans = await ctx.loaders.warPlansOfNegotiation.load(n.key);
    return kind ? plans.filter((p) => p.kind === kind) : plans;
  }

  @FieldResolver(() => Treaty, {
    complexity: cost.read(),
    nullable: true,
    description: 'The treaty the negotiation ended in; null for a non-agreement.',
  })
  async treaty(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Treaty | null> {
    return (await ctx.loaders.treatyOfNegotiation.load(n.key))[0] ?? null;
  }

  @FieldResolver(() => Era, {
    description: 'The era the negotiation began in; null when it began outside every era.',
    complexity: cost.read(),
    nullable: true,
  })
  async era(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Era | null> {
    return (await ctx.loaders.eraOfNegotiation.load(n.key))[0] ?? null;
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(6),
  })
  sources(@Root() n: Negotiation, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Negotiation', n.key);
  }
}

/** A page's node read without its long texts (`summary` undefined), read again whole. */
async function textsOf(ctx: RequestContext, n: Negotiation): Promise<Negotiation> {
  const whole = await ctx.loaders.negotiationTexts.load(n.key);
  if (!whole) throw new NotFoundError('Negotiation', n.key);
  return whole;
}
