/** Agreement likelihood: for a historical negotiation (fitted without it) or a hypothetical one. */
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { BadInputError, NotFoundError } from '../errors/index.js';
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
import {
  estimateHypothetical,
  estimateNegotiation,
  modelDescription,
  type Estimate,
  type EstimatePair,
  type WhatIf,
} from '../analysis/agreementService.js';
import { FEATURES } from '../analysis/agreementModel.js';
import { predict } from '../analysis/logisticModel.js';
import { toOutsideOptions } from './analysisMappers.js';
import { loadAll } from '../loaders/createLoaders.js';
import { assertKnownStates, keyOf } from './lookups.js';
import * as cost from '../schema/fieldCost.js';

function toLikelihood(
  e: Estimate,
  evaluation: () => ModelEvaluation,
  counterfactual: Estimate | null,
): AgreementLikelihood {
  return {
    probability: e.probability,
    compatibility: {
      targetAgreement: e.compatibility.targetAgreement,
      approachAgreement: e.compatibility.approachAgreement,
      allTargetsAgree: e.compatibility.allTargetsAgree,
      allApproachesAgree: e.compatibility.allApproachesAgree,
      highlyCompatible: e.compatibility.highlyCompatible,
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
    contributions: FEATURES.map((f, j) => {
      const x0 = [...e.x];
      x0[j] = 0;
      return {
        factor: f.name,
        description: f.description,
        value: e.x[j]!,
        coefficient: e.fit.coefficients[j]!,
        logit: e.fit.coefficients[j]! * e.x[j]!,
        probabilityWithout: predict(e.fit, x0),
      };
    }),
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
      coefficients: FEATURES.map((f, j) => ({ factor: f.name, value: e.fit.coefficients[j]!, constraint: f.sign })),
      evaluationThunk: evaluation,
    },
    counterfactual: counterfactual ? toLikelihood(counterfactual, evaluation, null) : null,
  };
}

const evaluationOf = (pair: EstimatePair) => () => {
  const { predictions: _p, ...rest } = pair.evaluation();
  return rest;
};

async function checkWhatIf(ctx: RequestContext, parties: number[], w?: WhatIfInput | null): Promise<WhatIf | null> {
  if (!w) return null;
  const mentioned = [
    ...(w.removeOutsideOptions ?? []),
    ...(w.outsideOptions ?? []).map((o) => o.party),
    ...(w.approaches ?? []).map((a) => a.party),
    ...(w.targets ?? []).map((t) => t.party),
  ];
  for (const p of mentioned)
    if (!parties.includes(p))
      throw new BadInputError(`whatIf names ${p}, which is not a party (parties: ${parties.join(', ')})`, 'whatIf');
  for (const o of w.outsideOptions ?? [])
    if (!(o.attractiveness >= 0 && o.attractiveness <= 1))
      throw new BadInputError('whatIf outside-option attractiveness must be in [0, 1]', 'whatIf');
  await assertKnownStates(
    ctx,
    (w.targets ?? []).map((t) => t.target),
    'whatIf.targets.target',
  );
  for (const t of w.targets ?? [])
    if (t.target === t.party) throw new BadInputError('a state is not its own target', 'whatIf');
  return w;
}

@Resolver(() => AgreementLikelihood)
export class AgreementResolver {
  @Query(() => AgreementLikelihood, {
    complexity: cost.analysis(30),
    description:
      'How likely this negotiation was to end in a treaty, from war-plan compatibility and outside options; the model is fitted on every other negotiation (leave-one-out).',
  })
  async agreementLikelihood(
    @Ctx() ctx: RequestContext,
    @Arg('negotiation', () => ID) negotiation: string,
    @Arg('whatIf', () => WhatIfInput, { nullable: true }) whatIf?: WhatIfInput,
    @Arg('coding', () => Coding, {
      defaultValue: 'PRIMARY',
      description: 'ALTERNATIVE: read the case with the alternative codings of its plans and recorded options.',
    })
    coding: Coding = 'PRIMARY',
  ): Promise<AgreementLikelihood> {
    const key = keyOf(negotiation, 'Negotiation', 'negotiation');
    if (!(await ctx.loaders.negotiation.load(key))) throw new NotFoundError('Negotiation', key);
    const parties = (await ctx.loaders.partiesOfNegotiation.load(key)).map((s) => s.ccode);
    const w = await checkWhatIf(ctx, parties, whatIf);
    const pair = await estimateNegotiation(ctx.analysis, key, w, coding);
    if (!pair) throw new NotFoundError('Negotiation with an outcome', key);
    return toLikelihood(pair.estimate, evaluationOf(pair), pair.counterfactual);
  }

  @Query(() => AgreementLikelihood, {
    complexity: cost.analysis(300),
    description:
      'How likely a negotiation that did not happen would be to end in a treaty (model fitted on every negotiation).',
  })
  async hypotheticalAgreement(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => HypotheticalNegotiationInput) input: HypotheticalNegotiationInput,
    @Arg('whatIf', () => WhatIfInput, { nullable: true }) whatIf?: WhatIfInput,
  ): Promise<AgreementLikelihood> {
    const parties = [...new Set(input.parties)];
    if (parties.length < 2) throw new BadInputError('a negotiation needs at least two parties', 'input.parties');
    if (parties.length !== input.parties.length) throw new BadInputError('a party is listed twice', 'input.parties');
    await assertKnownStates(ctx, parties, 'input.parties');
    await assertKnownStates(
      ctx,
      input.plans.map((p) => p.target),
      'input.plans.target',
    );
    for (const plan of input.plans) {
      if (!parties.includes(plan.party))
        throw new BadInputError(`plan for ${plan.party}, which is not a party`, 'input.plans');
      if (plan.target === plan.party) throw new BadInputError('a state is not its own target', 'input.plans.target');
      if (parties.includes(plan.target))
        throw new BadInputError(`target ${plan.target} is at the table`, 'input.plans.target');
    }
    if (new Set(input.plans.map((p) => p.party)).size !== input.plans.length)
      throw new BadInputError('one plan per party', 'input.plans');
    const w = await checkWhatIf(ctx, parties, whatIf);
    const pair = await estimateHypothetical(ctx.analysis, { date: input.date.start, parties, plans: input.plans }, w);
    return toLikelihood(pair.estimate, evaluationOf(pair), pair.counterfactual);
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
    @Arg('whatIf', () => WhatIfInput, { nullable: true }) whatIf?: WhatIfInput,
    @Arg('coding', () => Coding, { defaultValue: 'PRIMARY' }) coding: Coding = 'PRIMARY',
  ) {
    const parties = (await ctx.loaders.partiesOfNegotiation.load(n.key)).map((s) => s.ccode);
    const w = await checkWhatIf(ctx, parties, whatIf);
    const pair = await estimateNegotiation(ctx.analysis, n.key, w, coding);
    return pair ? toLikelihood(pair.estimate, evaluationOf(pair), pair.counterfactual) : null;
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
  @FieldResolver(() => State, { complexity: cost.read(), nullable: true })
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
  @FieldResolver(() => State, { complexity: cost.read(), nullable: true })
  party(@Root() p: PartyOutsideOption, @Ctx() ctx: RequestContext) {
    return ctx.loaders.state.load(p.partyCcode);
  }
}

@Resolver(() => SimilarCase)
export class SimilarCaseResolver {
  @FieldResolver(() => Negotiation, { complexity: cost.read(), nullable: true })
  negotiation(@Root() s: SimilarCase, @Ctx() ctx: RequestContext) {
    return ctx.loaders.negotiation.load(s.negotiationKey);
  }
}
