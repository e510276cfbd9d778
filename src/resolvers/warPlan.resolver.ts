import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { WarPlan } from '../schema/warPlan.type.js';
import { State } from '../schema/state.type.js';
import { Threat } from '../schema/threat.type.js';
import { Citation } from '../schema/source.type.js';
import { citationsOf } from './citations.js';

@Resolver(() => WarPlan)
export class WarPlanResolver {
  @FieldResolver(() => State, { nullable: true, description: 'The party whose plan it is.' })
  party(@Root() w: WarPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(w.partyCcode);
  }

  @FieldResolver(() => Threat, { nullable: true, description: 'The target of the plan.' })
  target(@Root() w: WarPlan, @Ctx() ctx: RequestContext) {
    return ctx.loaders.threat.load(w.targetKey);
  }

  @FieldResolver(() => [Citation])
  sources(@Root() w: WarPlan, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'WarPlan', w.key);
  }
}
