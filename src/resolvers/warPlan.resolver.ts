import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { WarPlan } from '../schema/warPlan.type.js';
import { State } from '../schema/state.type.js';
import { Threat } from '../schema/threat.type.js';
import { Citation } from '../schema/source.type.js';
import { citationsOf } from './citations.js';
import { Proposal } from '../schema/proposal.type.js';
import { Region, Scope } from '../schema/coding.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => WarPlan)
export class WarPlanResolver {
  @FieldResolver(() => State, { complexity: cost.read(), nullable: true, description: 'The party whose plan it is.' })
  party(@Root() w: WarPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(w.partyCcode);
  }

  @FieldResolver(() => Threat, { complexity: cost.read(), nullable: true, description: 'The target of the plan.' })
  target(@Root() w: WarPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.threat.load(w.targetKey);
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(4),
  })
  sources(@Root() w: WarPlan, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'WarPlan', w.key);
  }

  @FieldResolver(() => Scope, {
    nullable: true,
    description: 'The regions and states the commitment should cover; null where the sources do not discuss it.',
  })
  scope(@Root() w: WarPlan): Scope | null {
    return w.scope ? { regionKeys: w.scope.regionKeys, stateCcodes: w.scope.stateCcodes, note: w.scope.note } : null;
  }

  @FieldResolver(() => Proposal, {
    complexity: cost.read(),
    nullable: true,
    description: 'For a PROPOSED plan: the proposal that put it on the table.',
  })
  proposal(@Root() w: WarPlan, @Ctx() ctx: RequestContext) {
    return w.proposalKey ? ctx.loaders.proposal.load(w.proposalKey) : null;
  }

  @FieldResolver(() => [WarPlan], {
    complexity: cost.items(1),
    description: 'Other readings of this plan a reviewer could make, each with its rationale and sources.',
  })
  alternatives(@Root() w: WarPlan): WarPlan[] {
    return w.alternatives;
  }
}

@Resolver(() => Scope)
export class ScopeResolver {
  @FieldResolver(() => [Region], {
    description: 'The regions or theatres the commitment covers.',
    complexity: cost.reads(2),
  })
  async regions(@Root() s: Scope, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.region, s.regionKeys);
  }

  @FieldResolver(() => [State], { description: 'The states the commitment covers.', complexity: cost.reads(1) })
  states(@Root() s: Scope, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.state, s.stateCcodes);
  }
}
