import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { Proposal } from '../schema/proposal.type.js';
import { State } from '../schema/state.type.js';
import { NegotiationRound } from '../schema/negotiationRound.type.js';
import { Citation } from '../schema/source.type.js';
import { WarPlan } from '../schema/warPlan.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import { citationsOf } from './citations.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => State, {
    complexity: cost.read(),
    nullable: true,
    description: 'The state that made the proposal (the first of joint proposers).',
  })
  proposer(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(p.by[0]!);
  }

  @FieldResolver(() => [State], {
    complexity: cost.reads(2),
    description: 'Every state that made it: one, or the joint proposers of a common note.',
  })
  proposers(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.state, p.by);
  }

  @FieldResolver(() => WarPlan, {
    complexity: cost.read(),
    nullable: true,
    description: 'The plan the proposal put on the table (target, approach, scope, form), where the record gives it.',
  })
  async plan(@Root() p: Proposal, @Ctx() ctx: RequestContext): Promise<WarPlan | null> {
    return (
      (await ctx.loaders.warPlansOfNegotiation.load(p.negotiationKey)).find((w) => w.proposalKey === p.key) ?? null
    );
  }

  @FieldResolver(() => [State], { complexity: cost.reads(3), description: 'The states it was made to.' })
  addressees(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.state, p.to);
  }

  @FieldResolver(() => NegotiationRound, {
    complexity: cost.read(),
    nullable: true,
    description: 'The round it was made in, where the record says.',
  })
  round(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return p.roundKey ? ctx.loaders.round.load(p.roundKey) : null;
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(3),
  })
  sources(@Root() p: Proposal, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Proposal', p.key);
  }
}
