/** Agreement likelihood: for a historical negotiation (fitted without it) or a hypothetical one. */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { NotFoundError } from '../errors/index.js';
import {
  AgreementLikelihood,
  HypotheticalNegotiationInput,
  ModelEvaluation,
  ModelInfo,
  PartyOutsideOption,
  PartyPlanInfo,
  SimilarCase,
  WhatIfInput,
} from '../schema/agreement.type.js';
import { Negotiation } from '../schema/negotiation.type.js';
import { State } from '../schema/state.type.js';
import { Coding, type Approach, type Outcome } from '../schema/enums.js';
import { modelDescription, notModelledReason, type Estimate, type EstimatePair } from '../analysis/agreement/index.js';
import { loadAll } from '../loaders/createLoaders.js';
import { toOutsideOptions } from './analysisMappers.js';
import { keyOf } from './lookups.js';
import * as cost from '../schema/fieldCost.js';

function toLikelihood(
  e: Estimate,
  evaluation: () => ModelEvaluation,
  counterfactual: Estimate | null,
): AgreementLikelihood {
  return {
    probability: e.probability,
    interval: e.interval,
    compatibility: {
      targetAgreement: e.compatibility.targetAgreement,
      approachAgreement: e.compatibility.approachAgreement,
      allTargetsAgree: e.compatibility.allTargetsAgree,
      allApproachesAgree: e.compatibility.allApproachesAgree,
      highlyCompatible: e.compatibility.highlyCompatible,
      targetsAtTable: e.compatibility.targetsAtTable,
      plans: e.compatibility.plans.map((p) => ({
        partyCcode: p.party,
        targetCcodes: p.targets,
        approach: p.approach as Approach | null,
      })),
    },
    outsideOptions: e.outside.map((o) => ({
      partyCcode: o.party,
      attractiveness: o.attractiveness,
      recorded: o.recorded,
      options: o.options ? toOutsideOptions(o.options) : null,
    })),
    contributions: e.contributions,
    explanation: e.explanation,
    similarCases: e.similar.map((s) => ({
      negotiationKey: s.key,
      outcome: (s.outcome ? 'AGREEMENT' : 'NONAGREEMENT') as Outcome,
      distance: s.distance,
    })),
    model: {
      name: modelDescription.name,
      version: modelDescription.version,
      trainingCases: e.trainingCases,
      leftOut: e.leftOut,
      lambda: modelDescription.lambda,
      intercept: e.fit.intercept,
      coefficients: modelDescription.features.map((f, j) => ({
        factor: f.name,
        value: e.fit.coefficients[j]!,
        constraint: f.sign,
      })),
      evaluationThunk: evaluation,
    },
    counterfactual: counterfactual ? toLikelihood(counterfactual, evaluation, null) : null,
  };
}

const toLikelihoodPair = (pair: EstimatePair) =>
  toLikelihood(
    pair.estimate,
    () => {
      const { predictions: _p, ...rest } = pair.evaluation();
      return rest;
    },
    pair.counterfactual,
  );

@Resolver(() => AgreementLikelihood)
export class AgreementResolver {
  @Query(() => AgreementLikelihood, {
    nullable: true,
    complexity: cost.analysis(30),
    description:
      'How likely this negotiation was to end in a treaty, from war-plan compatibility and outside options; the model is fitted on every other negotiation (leave-one-out).',
  })
  async agreementLikelihood(
    @Ctx() ctx: RequestContext,
    @Arg('negotiation', () => ID, { description: 'The negotiation, by key or global id.' }) negotiation: string,
    @Arg('whatIf', () => WhatIfInput, {
      description: 'Counterfactual changes; the estimate under them comes as `counterfactual`.',
      nullable: true,
    })
    whatIf?: WhatIfInput,
    @Arg('coding', () => Coding, {
      defaultValue: 'PRIMARY',
      description: 'ALTERNATIVE: read the case with the alternative codings of its plans and recorded options.',
    })
    coding: Coding = 'PRIMARY',
  ): Promise<AgreementLikelihood> {
    const key = keyOf(negotiation, 'Negotiation', 'negotiation');
    if (!(await ctx.loaders.negotiation.load(key))) throw new NotFoundError('Negotiation', key);
    const pair = await ctx.analysis.estimateNegotiation(key, whatIf ?? null, coding);
    if (!pair)
      throw new NotFoundError(
        `A case of the model (${await notModelledReason(ctx.analysis, key)}) for negotiation`,
        key,
      );
    return toLikelihoodPair(pair);
  }

  @Query(() => AgreementLikelihood, {
    nullable: true,
    complexity: cost.analysis(300),
    description:
      'How likely a negotiation that did not happen would be to end in a treaty (model fitted on every negotiation).',
  })
  async hypotheticalAgreement(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => HypotheticalNegotiationInput, {
      description: 'The negotiation: its date, its parties and their ideal plans.',
    })
    input: HypotheticalNegotiationInput,
    @Arg('whatIf', () => WhatIfInput, {
      description: 'Counterfactual changes; the estimate under them comes as `counterfactual`.',
      nullable: true,
    })
    whatIf?: WhatIfInput,
  ): Promise<AgreementLikelihood> {
    return toLikelihoodPair(
      await ctx.analysis.estimateHypothetical(
        { date: input.date.start, parties: input.parties, plans: input.plans },
        whatIf ?? null,
      ),
    );
  }
}

@Resolver(() => Negotiation)
export class NegotiationAgreementResolver {
  @FieldResolver(() => AgreementLikelihood, {
    complexity: cost.analysis(3),
    nullable: true,
    description: 'See Query.agreementLikelihood.',
  })
  async agreementLikelihood(
    @Root() n: Negotiation,
    @Ctx() ctx: RequestContext,
    @Arg('whatIf', () => WhatIfInput, {
      description: 'Counterfactual changes; the estimate under them comes as `counterfactual`.',
      nullable: true,
    })
    whatIf?: WhatIfInput,
    @Arg('coding', () => Coding, {
      description: 'Which reading of the record the case is estimated on.',
      defaultValue: 'PRIMARY',
    })
    coding: Coding = 'PRIMARY',
  ) {
    const pair = await ctx.analysis.estimateNegotiation(n.key, whatIf ?? null, coding);
    return pair ? toLikelihoodPair(pair) : null;
  }
}

@Resolver(() => ModelInfo)
export class ModelInfoResolver {
  @FieldResolver(() => ModelEvaluation, { description: 'Leave-one-out figures (computed once per data version).' })
  evaluation(@Root() m: ModelInfo) {
    return m.evaluationThunk();
  }
}

@Resolver(() => PartyPlanInfo)
export class PartyPlanInfoResolver {
  @FieldResolver(() => State, { description: 'The party.', complexity: cost.read(), nullable: true })
  party(@Root() p: PartyPlanInfo, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(p.partyCcode);
  }

  @FieldResolver(() => [State], { complexity: cost.reads(2), description: 'The states posing the target.' })
  targets(@Root() p: PartyPlanInfo, @Ctx() ctx: RequestContext) {
    return loadAll(ctx.loaders.state, p.targetCcodes);
  }
}

@Resolver(() => PartyOutsideOption)
export class PartyOutsideOptionResolver {
  @FieldResolver(() => State, { description: 'The party.', complexity: cost.read(), nullable: true })
  party(@Root() p: PartyOutsideOption, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(p.partyCcode);
  }
}

@Resolver(() => SimilarCase)
export class SimilarCaseResolver {
  @FieldResolver(() => Negotiation, {
    description: 'The similar negotiation.',
    complexity: cost.read(),
    nullable: true,
  })
  negotiation(@Root() s: SimilarCase, @Ctx() ctx: RequestContext) {
    return ctx.loaders.negotiation.load(s.negotiationKey);
  }
}
