/** A party at one negotiation: the state, its plans there, its outside options there (batched over every party asked for). */
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { NegotiationParty } from '../schema/negotiationParty.type.js';
import { State } from '../schema/state.type.js';
import { WarPlan } from '../schema/warPlan.type.js';
import { OutsideOptions } from '../schema/outsideOptions.type.js';
import { WarPlanKind } from '../schema/enums.js';
import { toOutsideOptions } from './analysisMappers.js';
import { OptionComparison, OptionsNotDiscussed, PlanUnknown, RecordedOutsideOption } from '../schema/coding.type.js';
import { SecondCoding } from '../schema/secondCoding.type.js';
import { OPTION_DISAGREEMENT } from '../domain/index.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => NegotiationParty)
export class NegotiationPartyResolver {
  @FieldResolver(() => State, { description: 'The state at the table.', complexity: cost.read() })
  async state(@Root() p: NegotiationParty, @Ctx() ctx: RequestContext): Promise<State> {
    return (await ctx.loaders.state.load(p.ccode))!;
  }

  @FieldResolver(() => [WarPlan], {
    complexity: cost.reads(2),
    description: "This party's war plans in the negotiation; `kind: IDEAL` for what it wanted.",
  })
  async plans(
    @Root() p: NegotiationParty,
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => WarPlanKind, { description: 'Only plans of this kind (default: both).', nullable: true })
    kind?: WarPlanKind,
  ): Promise<WarPlan[]> {
    const plans = (await ctx.loaders.warPlansOfNegotiation.load(p.negotiationKey)).filter(
      (w) => w.partyCcode === p.ccode,
    );
    return kind ? plans.filter((w) => w.kind === kind) : plans;
  }

  @FieldResolver(() => [RecordedOutsideOption], {
    complexity: cost.reads(1),
    description: "The outside options this party's decision-makers weighed, as the record gives them.",
  })
  async recordedOutsideOptions(
    @Root() p: NegotiationParty,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordedOutsideOption[]> {
    return (await ctx.loaders.recordedOptionsOfNegotiation.load(p.negotiationKey)).filter(
      (o) => o.partyCcode === p.ccode,
    );
  }

  @FieldResolver(() => PlanUnknown, {
    nullable: true,
    complexity: cost.read(),
    description:
      "Where the works checked do not settle this party's entry plan: the reason and the works checked; null when the plan is coded.",
  })
  async planUnknown(@Root() p: NegotiationParty, @Ctx() ctx: RequestContext): Promise<PlanUnknown | null> {
    return (
      (await ctx.loaders.plansUnknownOfNegotiation.load(p.negotiationKey)).find((u) => u.party === p.ccode) ?? null
    );
  }

  @FieldResolver(() => OptionsNotDiscussed, {
    nullable: true,
    complexity: cost.read(),
    description:
      'Where the works checked record no outside option for this party: the note and the works checked; null when an option is recorded.',
  })
  async optionsNotDiscussed(
    @Root() p: NegotiationParty,
    @Ctx() ctx: RequestContext,
  ): Promise<OptionsNotDiscussed | null> {
    return (
      (await ctx.loaders.optionsNotDiscussedOfNegotiation.load(p.negotiationKey)).find((o) => o.party === p.ccode) ??
      null
    );
  }

  @FieldResolver(() => SecondCoding, {
    nullable: true,
    complexity: cost.read(),
    description:
      "The blind second coder's entry plan for this party (reliability sample); null outside the sample (see Negotiation.inSecondCodingSample).",
  })
  async secondCoding(@Root() p: NegotiationParty, @Ctx() ctx: RequestContext): Promise<SecondCoding | null> {
    return (
      (await ctx.loaders.secondCodingsOfNegotiation.load(p.negotiationKey)).find((c) => c.party === p.ccode) ?? null
    );
  }

  @FieldResolver(() => [OptionComparison], {
    complexity: cost.analysis(15, { perParent: 1 }),
    description: `Each recorded option beside the computed one of the same kind, and whether they agree (a gap of ${OPTION_DISAGREEMENT} or more is a disagreement).`,
  })
  async optionComparison(@Root() p: NegotiationParty, @Ctx() ctx: RequestContext): Promise<OptionComparison[]> {
    return ctx.analysis.optionComparison(p.negotiationKey, p.ccode);
  }

  @FieldResolver(() => OutsideOptions, {
    complexity: cost.analysis(15),
    description:
      "Computed outside options at the negotiation's start (alternative allies, unilateral action, buck-passing).",
  })
  async outsideOptions(@Root() p: NegotiationParty, @Ctx() ctx: RequestContext): Promise<OutsideOptions> {
    return toOutsideOptions(await ctx.analysis.optionsAtNegotiation(p.negotiationKey, p.ccode));
  }
}
