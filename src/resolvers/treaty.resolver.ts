import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';
import { BadInputError, NotFoundError } from '../errors/index.js';
import { Treaty, TreatyMembership, TreatyPhase } from '../schema/treaty.type.js';
import { Threat } from '../schema/threat.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { Era } from '../schema/era.type.js';
import { Citation } from '../schema/source.type.js';
import { Connection, PageArgs, pageCost, pageWindow, toConnection } from '../schema/connection.js';
import { TreatyFilter } from '../schema/filters.input.js';
import { DateScalar } from '../schema/Date.scalar.js';
import { AT_ARG, ERA_ARG } from '../schema/argDocs.js';
import type { PartialDate } from '../schema/PartialDate.js';
import { primed, primeRelated } from '../loaders/createLoaders.js';
import { toMembership, toState, toTreaty } from '../loaders/rowMappers.js';
import { citationsOf } from './citations.js';
import { assertKnownState, keyOf, meets, periodOf } from './lookups.js';
import { selectedFields } from './selection.js';
import * as q from '../store/queries.gen.js';
import * as cost from '../schema/fieldCost.js';

const TreatyConnection = Connection(Treaty, 'Treaty');

@Resolver(() => Treaty)
export class TreatyResolver {
  @Query(() => Treaty, {
    nullable: true,
    complexity: cost.read(),
    description: 'One treaty, by key/global id or by ATOP id (give exactly one).',
  })
  async treaty(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Key or global id.', nullable: true }) id?: string,
    @Arg('atopId', () => Int, { description: 'ATOP alliance id.', nullable: true }) atopId?: number,
  ): Promise<Treaty> {
    if ((id == null) === (atopId == null)) throw new BadInputError('treaty takes exactly one of id or atopId');
    let key: string;
    if (atopId != null) {
      const [row] = await ctx.executor.read(q.treatyIdByAtopId, { atopId });
      if (!row) throw new NotFoundError('Treaty with ATOP id', atopId);
      key = row.id;
    } else key = keyOf(id!, 'Treaty', 'id');
    const t = await ctx.loaders.treaty.load(key);
    if (!t) throw new NotFoundError('Treaty', key);
    return t;
  }

  @Query(() => TreatyConnection, {
    nullable: true,
    complexity: pageCost(500),
    description: 'Treaties ordered by signing date.',
  })
  async treaties(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TreatyFilter, {
      description: 'Only the treaties matching it (default: every treaty).',
      nullable: true,
    })
    filter?: TreatyFilter,
  ) {
    const { skip, first } = pageWindow(page, ctx.limits.maxPageSize);
    await assertKnownState(ctx, filter?.member, 'filter.member');
    const period = await periodOf(ctx, filter?.activeAt, filter?.activeDuring, [
      'filter.activeAt',
      'filter.activeDuring',
    ]);
    const params = {
      activeFrom: period?.from ?? null,
      activeTo: period?.to ?? null,
      obligation: filter?.obligation ?? null,
      skip,
      first,
    };
    // The memberships with the page when its nodes are asked for them (one round trip, not two).
    const members = selectedFields(info, ['edges', 'node']).has('members');
    // A member's page reads the member's treaties only (treatiesOfMemberPage), not every one; with
    // the memberships asked, treatiesPage, which carries them.
    const [row] =
      filter?.member != null && !members
        ? await ctx.executor.read(q.treatiesOfMemberPage, { ...params, member: filter.member })
        : await ctx.executor.read(q.treatiesPage, { ...params, member: filter?.member ?? null, members });
    const rows = row?.page ?? [];
    for (const r of rows)
      primeRelated(
        ctx.loaders.membersOfTreaty,
        r.id,
        r.members,
        (m) => ({ state: toState(m), membership: toMembership(r.id, m) }),
        membersOrder,
      );
    const nodes = primed(ctx.loaders.treaty, rows, toTreaty, (t) => t.key);
    return toConnection(nodes, row?.total ?? 0, skip);
  }

  @FieldResolver(() => [TreatyMembership], {
    complexity: cost.reads(6, { own: 25 }),
    description:
      'Memberships, one per member per ATOP phase (and per entry), ordered by member and phase, with entry/exit dates and the ' +
      "member's own obligations and conditions in that phase; with `at`, those in force at that date; with `era`, at some time during it.",
  })
  async members(
    @Root() t: Treaty,
    @Ctx() ctx: RequestContext,
    @Arg('at', () => DateScalar, { nullable: true, description: AT_ARG }) at?: PartialDate,
    @Arg('era', () => ID, { nullable: true, description: ERA_ARG }) era?: string,
  ) {
    const period = await periodOf(ctx, at, era);
    const rows = await ctx.loaders.membersOfTreaty.load(t.key);
    rows.forEach((r) => ctx.loaders.state.prime(r.state.ccode, r.state));
    const all = rows.map((r) => r.membership);
    return period ? all.filter((m) => meets(period, m.entry, m.exit)) : all;
  }

  @FieldResolver(() => [TreatyPhase], {
    complexity: cost.reads(2),
    description:
      "ATOP's phases of the treaty (atop5_1aph), ordered by phase, each with its own dates and obligations (the 1882 phase of " +
      'the Triple Alliance has no offense; the renewal of 1887 adds it). Empty for a treaty ATOP does not code, or in a graph without ATOP.',
  })
  phases(@Root() t: Treaty, @Ctx() ctx: RequestContext): Promise<TreatyPhase[]> {
    return ctx.loaders.phasesOfTreaty.load(t.key);
  }

  @FieldResolver(() => [Threat], {
    complexity: cost.reads(2),
    description: 'The threats the treaty names (ATOP specthrt/statthr, or the curated seed).',
  })
  directedAgainst(@Root() t: Treaty, @Ctx() ctx: RequestContext): Promise<Threat[]> {
    return ctx.loaders.threatsOfTreaty.load(t.key);
  }

  @FieldResolver(() => Negotiation, {
    complexity: cost.read(),
    nullable: true,
    description: 'The negotiation that produced it, where the graph records one.',
  })
  async negotiation(@Root() t: Treaty, @Ctx() ctx: RequestContext) {
    const [key] = await ctx.loaders.negotiationOfTreaty.load(t.key);
    return key ? ctx.loaders.negotiation.load(key) : null;
  }

  @FieldResolver(() => Era, {
    complexity: cost.read(),
    nullable: true,
    description: 'The era the treaty was signed in; null when signed outside every era.',
  })
  async era(@Root() t: Treaty, @Ctx() ctx: RequestContext): Promise<Era | null> {
    return (await ctx.loaders.eraOfTreaty.load(t.key))[0] ?? null;
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(4),
  })
  sources(@Root() t: Treaty, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Treaty', t.key);
  }
}

/** null after every value, as Cypher's ORDER BY puts it. */
const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);

/** membersOfTreaties' order: by member, phase, entry. */
function membersOrder(a: { membership: TreatyMembership }, b: { membership: TreatyMembership }): number {
  const [x, y] = [a.membership, b.membership];
  return (
    x.ccode - y.ccode ||
    nullsLast(x.phase, y.phase, (p, q) => p - q) ||
    nullsLast(x.entry, y.entry, (p, q) => (p < q ? -1 : p > q ? 1 : 0))
  );
}
