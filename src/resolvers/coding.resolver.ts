/**
 * Recorded outside options, third parties, option comparisons, and what the record says it does not
 * know (plans the sources do not settle, options not discussed): their states, negotiations and sources.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import {
  OptionComparison,
  OptionsNotDiscussed,
  PlanUnknown,
  RecordedOutsideOption,
  ThirdParty,
} from '../schema/coding.type.js';
import { State } from '../schema/state.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { Citation } from '../schema/source.type.js';
import { citationsOf } from './citations.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => RecordedOutsideOption)
export class RecordedOutsideOptionResolver {
  @FieldResolver(() => State, {
    complexity: cost.read(),
    nullable: true,
    description: 'The party that weighed the option.',
  })
  party(@Root() o: RecordedOutsideOption, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(o.partyCcode);
  }

  @FieldResolver(() => State, {
    complexity: cost.read(),
    nullable: true,
    description: 'The alternative ally (ALTERNATIVE_ALLY).',
  })
  ally(@Root() o: RecordedOutsideOption, @Ctx() ctx: RequestContext) {
    return o.allyCcode === null ? null : ctx.loaders.state.load(o.allyCcode);
  }

  @FieldResolver(() => Negotiation, {
    complexity: cost.read(),
    nullable: true,
    description: 'The negotiation in which the party took this option.',
  })
  realisedIn(@Root() o: RecordedOutsideOption, @Ctx() ctx: RequestContext) {
    return o.realisedInKey ? ctx.loaders.negotiation.load(o.realisedInKey) : null;
  }

  @FieldResolver(() => [RecordedOutsideOption], {
    complexity: cost.items(1),
    description: 'Other readings of this option, each with its rationale and sources.',
  })
  alternatives(@Root() o: RecordedOutsideOption) {
    return o.alternatives;
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(4),
  })
  sources(@Root() o: RecordedOutsideOption, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'RecordedOption', o.key);
  }
}

@Resolver(() => ThirdParty)
export class ThirdPartyResolver {
  @FieldResolver(() => State, { description: 'The state not at the table.', complexity: cost.read(), nullable: true })
  state(@Root() t: ThirdParty, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(t.ccode);
  }

  @FieldResolver(() => [Citation], {
    description:
      'The citations that support it: each source with the locator (pages, chapter or document) that backs the fact.',
    complexity: cost.reads(2),
  })
  sources(@Root() t: ThirdParty, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'ThirdParty', t.key);
  }
}

@Resolver(() => OptionComparison)
export class OptionComparisonResolver {
  @FieldResolver(() => State, {
    description: 'The ally of an ALTERNATIVE_ALLY option; null for the other kinds.',
    complexity: cost.read(),
    nullable: true,
  })
  ally(@Root() c: OptionComparison, @Ctx() ctx: RequestContext) {
    return c.allyCcode === null ? null : ctx.loaders.state.load(c.allyCcode);
  }
}

@Resolver(() => PlanUnknown)
export class PlanUnknownResolver {
  @FieldResolver(() => [Citation], { complexity: cost.reads(3), description: 'The works checked.' })
  sources(@Root() u: PlanUnknown, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'PlanUnknown', u.key);
  }
}

@Resolver(() => OptionsNotDiscussed)
export class OptionsNotDiscussedResolver {
  @FieldResolver(() => [Citation], { complexity: cost.reads(3), description: 'The works checked.' })
  sources(@Root() o: OptionsNotDiscussed, @Ctx() ctx: RequestContext): Promise<Citation[]> {
    return citationsOf(ctx, 'OptionsNotDiscussed', o.key);
  }
}
