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
  @Field(() => Boolean, { description: 'Every party with an ideal plan has the same target.' })
  allTargetsAgree!: boolean;
  @Field(() => Boolean, { description: 'Every party with an ideal plan has the same approach.' })
  allApproachesAgree!: boolean;
  @Field(() => Boolean, { description: 'Same target and same approach for every party.' }) highlyCompatible!: boolean;
  @Field(() => Float, {
    description:
      'Share of the parties whose plan targets a state at the table (a pact with the threat itself: neutrality, non-aggression, coercive talks); a feature of the model.',
  })
  targetsAtTable!: number;
  @Field(() => [PartyPlanInfo], {
    description: "Each party's ideal plan as the model reads it.",
    complexity: cost.items(4),
  })
  plans!: PartyPlanInfo[];
}

@ObjectType({
  description: "A party's outside-option attractiveness as the model reads it, and the computed options behind it.",
})
export class PartyOutsideOption {
  partyCcode!: number;
  @Field(() => Float, {
    description:
      "Attractiveness used by the model: the party's recorded option where the record has one (LOW 0.25, MEDIUM 0.5, HIGH 0.85), else the best computed option; or the what-if value.",
  })
  attractiveness!: number;
  @Field(() => Boolean, { description: "The attractiveness is the party's own recorded view, not the computed one." })
  recorded!: boolean;
  @Field(() => OutsideOptions, {
    description: 'The computed outside options; null where they could not be computed for the party.',
    nullable: true,
  })
  options!: OutsideOptions | null;
}

@ObjectType({ description: 'How much one factor moved the estimate.' })
export class Contribution {
  @Field(() => String, {
    description: "The feature's name, as in ModelInfo.coefficients.",
  })
  factor!: string;
  @Field(() => String, { description: 'What the feature measures, in words.' }) description!: string;
  @Field(() => Float, { description: "The feature's value for this negotiation." }) value!: number;
  @Field(() => Float, { description: 'The fitted coefficient of the feature (log-odds per unit).' })
  coefficient!: number;
  @Field(() => Float, { description: 'coefficient × value, on the log-odds scale.' }) logit!: number;
  @Field(() => Float, { description: 'The probability with this factor at 0, the rest unchanged.' })
  probabilityWithout!: number;
}

@ObjectType({ description: "A historical negotiation close to this one in the model's features." })
export class SimilarCase {
  negotiationKey!: string;
  @Field(() => Outcome, { description: 'How the similar negotiation ended.' }) outcome!: Outcome;
  @Field(() => Float, { description: 'Euclidean distance between feature vectors.' }) distance!: number;
}

@ObjectType({ description: 'One fitted coefficient of the agreement model.' })
export class Coefficient {
  @Field(() => String, { description: "The feature's name." }) factor!: string;
  @Field(() => Float, { description: 'The fitted coefficient, on the log-odds scale.' }) value!: number;
  @Field(() => String, { description: 'The sign the theory imposes: nonnegative, nonpositive or free.' })
  constraint!: string;
}

@ObjectType({
  description:
    'One bin of the calibration table: the leave-one-out predictions that fell in [from, to), and how often those negotiations agreed.',
})
export class CalibrationBinInfo {
  @Field(() => Float, { description: "Lower bound of the bin's predicted probability (inclusive)." }) from!: number;
  @Field(() => Float, { description: 'Upper bound of the bin (exclusive, except 1).' }) to!: number;
  @Field(() => Int, { description: 'Negotiations whose prediction fell in the bin.' }) cases!: number;
  @Field(() => Float, { description: 'Mean predicted probability in the bin; null for an empty bin.', nullable: true })
  meanPredicted!: number | null;
  @Field(() => Float, {
    description: "Share of the bin's negotiations that reached a signed treaty; null for an empty bin.",
    nullable: true,
  })
  observedRate!: number | null;
}

@ObjectType({
  description: 'Leave-one-out evaluation on every negotiation with a known outcome, against the base rate.',
})
export class ModelEvaluation {
  @Field(() => Int, { description: 'Negotiations evaluated (each predicted by a fit without it).' }) cases!: number;
  @Field(() => Float, { description: 'Mean squared error of the predicted probabilities (lower is better).' })
  brier!: number;
  @Field(() => Float, { description: 'Mean negative log-likelihood of the outcomes (lower is better).' })
  logLoss!: number;
  @Field(() => Float, { description: 'Share of outcomes predicted right at the 0.5 threshold.' }) accuracy!: number;
  @Field(() => Float, { description: 'Area under the ROC curve; null when only one outcome occurs.', nullable: true })
  auc!: number | null;
  @Field(() => Float, { description: 'Brier score of the base rate (the share of agreements among the other cases).' })
  baseRateBrier!: number;
  @Field(() => Float, { description: 'Log loss of the base rate.' }) baseRateLogLoss!: number;
  @Field(() => Float, { description: 'Accuracy of the base rate at the 0.5 threshold.' }) baseRateAccuracy!: number;
  @Field(() => [CalibrationBinInfo], {
    description: 'Calibration table: five bins of predicted probability, 0–0.2 to 0.8–1.',
    complexity: cost.items(5),
  })
  calibration!: CalibrationBinInfo[];
}

@ObjectType({
  description:
    "The agreement model that made the estimate: a penalised logistic regression on the record's negotiations.",
})
export class ModelInfo {
  @Field(() => String, { description: 'Name of the model.' }) name!: string;
  @Field(() => String, { description: 'Version of the model (its features and fitting).' }) version!: string;
  @Field(() => Int, { description: 'Negotiations the fit used.' }) trainingCases!: number;
  @Field(() => [String], { description: 'Negotiations left out of the fit (the one asked about).' }) leftOut!: string[];
  @Field(() => Float, { description: 'L2 penalty.' }) lambda!: number;
  @Field(() => Float, { description: 'The fitted intercept, on the log-odds scale.' }) intercept!: number;
  @Field(() => [Coefficient], { description: 'The fitted coefficient of each feature.', complexity: cost.items(6) })
  coefficients!: Coefficient[];
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
  @Field(() => Float, { description: 'Probability that the parties reach a signed treaty, in [0, 1].' })
  probability!: number;
  @Field(() => ProbabilityInterval, {
    nullable: true,
    description: "How much the probability is worth: its 90% bootstrap interval over the model's cases.",
  })
  interval!: ProbabilityInterval | null;
  @Field(() => PlanCompatibility, { description: "How compatible the parties' ideal plans are." })
  compatibility!: PlanCompatibility;
  @Field(() => [PartyOutsideOption], {
    description: "Each party's outside-option attractiveness, as the model reads it.",
    complexity: cost.items(4),
  })
  outsideOptions!: PartyOutsideOption[];
  @Field(() => [Contribution], { description: 'How much each feature moved the estimate.', complexity: cost.items(6) })
  contributions!: Contribution[];
  @Field(() => String, { description: 'The estimate and its main reasons, in words.' }) explanation!: string;
  @Field(() => [SimilarCase], {
    description: "The historical negotiations nearest in the model's features, nearest first.",
    complexity: cost.items(5),
  })
  similarCases!: SimilarCase[];
  @Field(() => ModelInfo, { description: 'The fitted model that made the estimate.' }) model!: ModelInfo;
  @Field(() => AgreementLikelihood, {
    nullable: true,
    description: 'The estimate under the whatIf changes, beside this one.',
  })
  counterfactual!: AgreementLikelihood | null;
}

@InputType({ description: "A what-if value of one party's outside-option attractiveness." })
export class PartyAttractivenessInput {
  @Field(() => Int, { description: 'ccode of the party.' }) party!: number;
  @Field(() => Float, { description: 'The attractiveness to use, in [0, 1].' }) attractiveness!: number;
}

@InputType({ description: "A what-if approach for one party's ideal plan." })
export class PartyApproachInput {
  @Field(() => Int, { description: 'ccode of the party.' }) party!: number;
  @Field(() => Approach, { description: 'The approach to use.' }) approach!: Approach;
}

@InputType({ description: "A what-if target for one party's ideal plan." })
export class PartyTargetInput {
  @Field(() => Int, { description: 'ccode of the party.' }) party!: number;
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
  @Field(() => [PartyApproachInput], { description: "Set the approach of a party's ideal plan.", nullable: true })
  approaches?: PartyApproachInput[];
  @Field(() => [PartyTargetInput], { description: "Set the target of a party's ideal plan.", nullable: true })
  targets?: PartyTargetInput[];
}

@InputType({ description: "One party's ideal war plan in a hypothetical negotiation." })
export class PlanInput {
  @Field(() => Int, { description: 'ccode of the party.' }) party!: number;
  @Field(() => Int, { description: 'ccode of the state posing the target.' }) target!: number;
  @Field(() => Approach, { description: 'The approach of the plan.' }) approach!: Approach;
}

@InputType({ description: 'A negotiation that did not happen: date, parties and their ideal plans.' })
export class HypotheticalNegotiationInput {
  @Field(() => DateScalar, {
    description:
      'The date of the talks, at which outside options are read (a month or a year is read as its first day).',
  })
  date!: PartialDate;
  @Field(() => [Int], { description: 'ccodes of the states at the table.' }) parties!: number[];
  @Field(() => [PlanInput], { description: "The parties' ideal plans: party, target and approach." })
  plans!: PlanInput[];
}
