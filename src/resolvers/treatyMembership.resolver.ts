import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { Treaty, TreatyMembership } from '../schema/treaty.type.js';
import { State } from '../schema/state.type.js';

@Resolver(() => TreatyMembership)
export class TreatyMembershipResolver {
  @FieldResolver(() => State, { nullable: true })
  state(@Root() m: TreatyMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(m.ccode);
  }

  @FieldResolver(() => Treaty, { nullable: true })
  treaty(@Root() m: TreatyMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.treaty.load(m.treatyKey);
  }
}
