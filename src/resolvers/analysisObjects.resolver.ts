/** Field resolvers of the analysis result types: they turn ccodes and source keys into objects. */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EvidenceKind } from '../schema/analysisEnums.js';
import { takeFirst } from '../schema/connection.js';
import type { RequestContext } from '../context.js';
import { State } from '../schema/state.type.js';
import { Source } from '../schema/source.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { Reason, SharedTarget, TargetEvidence } from '../schema/evidence.type.js';
import { AlternativeAlly, BuckCatcher, OutsideOptions } from '../schema/outsideOptions.type.js';
import { loadAll } from '../loaders/createLoaders.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => TargetEvidence)
export class TargetEvidenceResolver {
  @FieldResolver(() => State, {
    complexity: cost.read(),
    nullable: true,
    description: 'The state holding the evidence.',
  })
  holderState(@Root() e: TargetEvidence, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(e.holder);
  }

  @FieldResolver(() => State, { complexity: cost.read(), nullable: true, description: 'The target.' })
  targetState(@Root() e: TargetEvidence, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(e.target);
  }

  @FieldResolver(() => [Source], {
    description: "The sources the evidence rests on (the record's citation, or the imported data set).",
    complexity: cost.reads(4),
  })
  sources(@Root() e: TargetEvidence, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.source, e.sourceKeys);
  }
}

@Resolver(() => SharedTarget)
export class SharedTargetResolver {
  @FieldResolver(() => State, { description: 'The state posing the target.', complexity: cost.read(), nullable: true })
  target(@Root() t: SharedTarget, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(t.targetCcode);
  }

  @FieldResolver(() => [TargetEvidence], {
    complexity: cost.items(20, 'first'),
    description:
      'The evidence, joint pieces and the heaviest first; optionally only some kinds, and at most `first` pieces.',
  })
  evidence(
    @Root() t: SharedTarget,
    @Arg('kinds', () => [EvidenceKind], {
      description: 'Only evidence of these kinds (default: every kind).',
      nullable: true,
    })
    kinds?: EvidenceKind[],
    @Arg('first', () => Int, { description: 'At most this many pieces (default: all).', nullable: true })
    first?: number,
  ): TargetEvidence[] {
    return takeFirst(kinds?.length ? t.allEvidence.filter((e) => kinds.includes(e.kind)) : t.allEvidence, first);
  }
}

@Resolver(() => Reason)
export class ReasonResolver {
  @FieldResolver(() => [Source], { description: 'The sources behind the reason.', complexity: cost.reads(1) })
  sources(@Root() r: Reason, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.source, r.sourceKeys);
  }
}

@Resolver(() => AlternativeAlly)
export class AlternativeAllyResolver {
  @FieldResolver(() => State, {
    description: 'The state available as an ally.',
    complexity: cost.read(),
    nullable: true,
  })
  state(@Root() a: AlternativeAlly, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(a.ccode);
  }
}

@Resolver(() => BuckCatcher)
export class BuckCatcherResolver {
  @FieldResolver(() => State, {
    description: 'The state that might bear the cost.',
    complexity: cost.read(),
    nullable: true,
  })
  state(@Root() b: BuckCatcher, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(b.ccode);
  }
}

@Resolver(() => OutsideOptions)
export class OutsideOptionsResolver {
  @FieldResolver(() => State, {
    description: 'The party whose options these are.',
    complexity: cost.read(),
    nullable: true,
  })
  party(@Root() o: OutsideOptions, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(o.partyCcode);
  }

  @FieldResolver(() => Negotiation, {
    description: 'The negotiation they were read at; null when read at a date.',
    complexity: cost.read(),
    nullable: true,
  })
  negotiation(@Root() o: OutsideOptions, @Ctx() ctx: RequestContext) {
    return o.negotiationKey ? ctx.loaders.negotiation.load(o.negotiationKey) : null;
  }

  @FieldResolver(() => [State], {
    complexity: cost.reads(12),
    description: "The states posing the party's target (from its ideal war plan).",
  })
  targets(@Root() o: OutsideOptions, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.state, o.targetCcodes);
  }
}
