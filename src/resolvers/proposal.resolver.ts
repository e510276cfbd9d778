import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { Proposal } from '../schema/proposal.type.js';
import { State } from '../schema/state.type.js';
import { NegotiationRound } from '../schema/negotiationRound.type.js';
import { Citation } from '../schema/source.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import { citationsOf } from './citations.js';

@Resolver(() => Proposal)
export class ProposalResolver {
  @FieldResolver(() => State, { nullable: true, description: 'The state that made the proposal.' })
  proposer(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(p.by);
  }

  @FieldResolver(() => [State], { description: 'The states it was made to.' })
  addressees(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.state, p.to);
  }

  @FieldResolver(() => NegotiationRound, { nullable: true, description: 'The round it was made in, where the record says.' })
  round(@Root() p: Proposal, @Ctx() ctx: RequestContext) {
    return p.roundKey ? ctx.loaders.round.load(p.roundKey) : null;
  }

  @FieldResolver(() => [Citation])
  sources(@Root() p: Proposal, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'Proposal', p.key);
  }
}
