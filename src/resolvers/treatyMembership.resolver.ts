import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { OwedObligation, Treaty, TreatyMembership } from '../schema/treaty.type.js';
import { State } from '../schema/state.type.js';
import { Obligation } from '../schema/enums.js';
import { isObligation, obligationsToward } from '../domain/index.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => TreatyMembership)
export class TreatyMembershipResolver {
  @FieldResolver(() => State, { description: 'The member state.', complexity: cost.read(), nullable: true })
  state(@Root() m: TreatyMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(m.ccode);
  }

  @FieldResolver(() => Treaty, { description: 'The treaty.', complexity: cost.read(), nullable: true })
  treaty(@Root() m: TreatyMembership, @Ctx() ctx: RequestContext) {
    return ctx.loaders.treaty.load(m.treatyKey);
  }

  @FieldResolver(() => [OwedObligation], {
    complexity: cost.items(1),
    description:
      'To whom each of the `varying` obligations is owed (one entry per obligation and member). Empty when the member owes all ' +
      'its obligations to every member of the phase, or for a curated membership.',
  })
  owedTo(@Root() m: TreatyMembership): OwedObligation[] {
    return m.owedToEntries.flatMap((e) => {
      const [obligation, ccode] = e.split(':');
      return obligation && isObligation(obligation) ? [{ obligation, ccode: Number(ccode) }] : [];
    });
  }

  @FieldResolver(() => [Obligation], {
    complexity: cost.read(),
    description:
      "The obligations this member has toward the member `ccode` of the same treaty phase (ATOP's directed dyad rule, codebook " +
      '§2.7: its own obligations, less those it owes only to other members). Empty when `ccode` is not a member of this phase or is this ' +
      "member. For a curated membership, the treaty's obligations (the seed codes none per member), as the alliance ties use them.",
  })
  async obligationsToward(
    @Root() m: TreatyMembership,
    @Ctx() ctx: RequestContext,
    @Arg('ccode', () => Int, { description: 'COW country code of the other member.' }) ccode: number,
  ): Promise<Obligation[]> {
    if (ccode === m.ccode) return [];
    const [members, treaty] = await Promise.all([
      ctx.loaders.membersOfTreaty.load(m.treatyKey),
      m.curated ? ctx.loaders.treaty.load(m.treatyKey) : null,
    ]);
    if (!members.some((x) => x.membership.ccode === ccode && x.membership.phase === m.phase)) return [];
    const obligations = m.curated ? (treaty?.obligations ?? []) : m.obligations;
    return obligationsToward({ ccode: m.ccode, obligations, varying: m.varying, owedTo: m.owedToEntries }, { ccode });
  }
}
