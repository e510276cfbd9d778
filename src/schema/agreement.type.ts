/** Types of the agreement-likelihood estimate. */
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Approach, Outcome } from './enums.js';
import { DateScalar } from './Date.scalar.js';
import type { PartialDate } from './PartialDate.js';
import { OutsideOptions } from './outsideOptions.type.js';
import * as cost from './fieldCost.js';

@ObjectType({ description: "A party's ideal war plan, as the model reads it." })
export class PartyPlanInfo {
  partyCcode!: number;
  targetCcodes!: number[];
  @Field(() => Approach, { nullable: true, description: 'null: no ideal plan on record.' }) approach!: Approach | null;
}

@ObjectType({ description: "How compatible the parties' ideal war plans are." })
export class PlanCompatibility {
  @Field(() => Float, { description: 'Share of parties in the largest group agreeing on the target.' })
  targetAgreement!: number;
  @Field(() => Float, { description: 'Share of parties in the largest group agreeing on the approach.' })
  approachAgreement!: number;
  @Field(() => Boolean) allTargetsAgree!: boolean;
  @Field(() => Boolean) allApproachesAgree!: boolean;
  @Field(() => Boolean, { description: 'Same target and same approach for every party.' }) highlyCompatible!: boolean;
  @Field(() => Float, {
    description:
      'Share of the parties whose plan targets a state at the table (a pact with the threat itself: neutrality, non-aggression, coercive talks); a feature of the model.',
  })
  targetsAtTable!: number;
  @Field(() => [PartyPlanInfo], { complexity: cost.items(4) }) plans!: PartyPlanInfo[];
}

@ObjectType()
export class PartyOutsideOption {
  partyCcode!: number;
  @Field(() => Float, {
    description:
      "Attractiveness used by the model: the party's recorded option where the record has one (LOW 0.25, MEDIUM 0.5, HIGH 0.85), else the best computed option; or the what-if value.",
  })
  attractiveness!: number;
  @Field(() => Boolean, { description: "The attractiveness is the party's own recorded view, not the computed one." })
  recorded!: boolean;
  @Field(() => OutsideOptions, { nullable: true }) options!: OutsideOptions | null;
}

@ObjectType({ description: 'How much one factor moved the estimate.' })
export class Contribution {
  @Field(() => String) factor!: string;
  @Field(() => String) description!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) coefficient!: number;
  @Field(() => Float, { description: 'coefficient × value, on the log-odds scale.' }) logit!: number;
  @Field(() => Float, { description: 'The probability with this factor at 0, the rest unchanged.' })
  probabilityWithout!: number;
}

@ObjectType({ description: "A historical negotiation close to this one in the model's features." })
export class SimilarCase {
  negotiationKey!: string;
  @Field(() => Outcome) outcome!: Outcome;
  @Field(() => Float, { description: 'Euclidean distance between feature vectors.' }) distance!: number;
}

@ObjectType()
export class Coefficient {
  @Field(() => String) factor!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { description: 'The sign the theory imposes: nonnegative, nonpositive or free.' })
  constraint!: string;
}

@ObjectType()
export class CalibrationBinInfo {
  @Field(() => Float) from!: number;
  @Field(() => Float) to!: number;
  @Field(() => Int) cases!: number;
  @Field(() => Float, { nullable: true }) meanPredicted!: number | null;
  @Field(() => Float, { nullable: true }) observedRate!: number | null;
}

@ObjectType({
  description: 'Leave-one-out evaluation on every negotiation with a known outcome, against the base rate.',
})
export class ModelEvaluation {
  @Field(() => Int) cases!: number;
  @Field(() => Float) brier!: number;
  @Field(() => Float) logLoss!: number;
  @Field(() => Float) accuracy!: number;
  @Field(() => Float, { nullable: true }) auc!: number | null;
  @Field(() => Float) baseRateBrier!: number;
  @Field(() => Float) baseRateLogLoss!: number;
  @Field(() => Float) baseRateAccuracy!: number;
  @Field(() => [CalibrationBinInfo], { complexity: cost.items(5) }) calibration!: CalibrationBinInfo[];
}

@ObjectType()
export class ModelInfo {
  @Field(() => String) name!: string;
  @Field(() => String) version!: string;
  @Field(() => Int, { description: 'Negotiations the fit used.' }) trainingCases!: number;
  @Field(() => [String], { description: 'Negotiations left out of the fit (the one asked about).' }) leftOut!: string[];
  @Field(() => Float, { description: 'L2 penalty.' }) lambda!: number;
  @Field(() => Float) intercept!: number;
  @Field(() => [Coefficient], { complexity: cost.items(6) }) coefficients!: Coefficient[];
  evaluationThunk!: () => ModelEvaluation;
}

@ObjectType({ description: 'A range a figure lies in, with the share of the resamples it holds.' })
export class ProbabilityInterval {
  @Field(() => Float, { description: 'Lower bound (5th percentile).' }) low!: number;
  @Field(() => Float, { description: 'Upper bound (95th percentile).' }) high!: number;
  @Field(() => Float, { description: 'The share of the resampled probabilities inside [low, high]: 0.9.' })
  level!: number;
  @Field(() => Int, {
    description:
      'Bootstrap replicates behind it: fits on the cases resampled with replacement; for a historical negotiation, those that did not draw it.',
  })
  replicates!: number;
}

@ObjectType({ description: 'How likely a negotiation is to end in a treaty, and why.' })
export class AgreementLikelihood {
  @Field(() => Float) probability!: number;
  @Field(() => ProbabilityInterval, {
    nullable: true,
    description: "How much the probability is worth: its 90% bootstrap interval over the model's cases.",
  })
  interval!: ProbabilityInterval | null;
  @Field(() => PlanCompatibility) compatibility!: PlanCompatibility;
  @Field(() => [PartyOutsideOption], { complexity: cost.items(4) }) outsideOptions!: PartyOutsideOption[];
  @Field(() => [Contribution], { complexity: cost.items(6) }) contributions!: Contribution[];
  @Field(() => String) explanation!: string;
  @Field(() => [SimilarCase], { complexity: cost.items(5) }) similarCases!: SimilarCase[];
  @Field(() => ModelInfo) model!: ModelInfo;
  @Field(() => AgreementLikelihood, {
    nullable: true,
    description: 'The estimate under the whatIf changes, beside this one.',
  })
  counterfactual!: AgreementLikelihood | null;
}

@InputType()
export class PartyAttractivenessInput {
  @Field(() => Int) party!: number;
  @Field(() => Float) attractiveness!: number;
}

@InputType()
export class PartyApproachInput {
  @Field(() => Int) party!: number;
  @Field(() => Approach) approach!: Approach;
}

@InputType()
export class PartyTargetInput {
  @Field(() => Int) party!: number;
  @Field(() => Int, { description: 'ccode of the state posing the target.' }) target!: number;
}

@InputType({ description: 'Counterfactual changes; the estimate is returned beside the original.' })
export class WhatIfInput {
  @Field(() => [Int], { nullable: true, description: 'Parties whose outside options are removed.' })
  removeOutsideOptions?: number[];
  @Field(() => [PartyAttractivenessInput], {
    nullable: true,
    description: "Set a party's outside-option attractiveness (0–1).",
  })
  outsideOptions?: PartyAttractivenessInput[];
  @Field(() => [PartyApproachInput], { nullable: true }) approaches?: PartyApproachInput[];
  @Field(() => [PartyTargetInput], { nullable: true }) targets?: PartyTargetInput[];
}

@InputType()
export class PlanInput {
  @Field(() => Int) party!: number;
  @Field(() => Int, { description: 'ccode of the state posing the target.' }) target!: number;
  @Field(() => Approach) approach!: Approach;
}

@InputType({ description: 'A negotiation that did not happen: date, parties and their ideal plans.' })
export class HypotheticalNegotiationInput {
  @Field(() => DateScalar) date!: PartialDate;
  @Field(() => [Int]) parties!: number[];
  @Field(() => [PlanInput]) plans!: PlanInput[];
}
