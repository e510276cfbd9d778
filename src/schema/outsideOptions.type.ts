import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Reason, TargetEvidence } from './evidence.type.js';
import { DateScalar } from './Date.scalar.js';
import { Era } from './era.type.js';
import { SERIES_STEPS, SERIES_STEP_DESCRIPTIONS } from '../domain/index.js';
import { LayerCoverage } from './coverage.type.js';
import { describedBy, enumOf } from './enums.js';
import * as cost from './fieldCost.js';

/** The most alternative allies a series point lists (`outsideOptionsSeries(topAllies:)`). */
export const MAX_TOP_ALLIES = 20;

@ObjectType({
  description:
    "The parts of an alternative ally's score, each in [0, 1]; null when the data behind it do not cover the date (the reasons of `alternativeAllies` say which, with their years), and capability also without NMC data for the state.",
})
export class AllyComponents {
  @Field(() => Float, { nullable: true, description: 'CINC share of the dyad ally–target in the year (NMC).' })
  capability!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "Strength of the ally's own evidence against the target (saturates at 6): treaties (ATOP), wars (COW), rivalries, disputes (MID), and the record's war plans and perceptions; null when none of these covers the date.",
  })
  sharedTarget!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      '1 allied at the date, 0.5 allied before, 0 never (ATOP and the record); null when neither covers the date.',
  })
  ties!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      "1 if the ally was negotiating with the party at the same time; null after the record's last year (its negotiations end in 1949).",
  })
  concurrentTalks!: number | null;
}

@ObjectType({ description: 'A state available as an ally instead of the negotiating partners.' })
export class AlternativeAlly {
  ccode!: number;
  @Field(() => Float, {
    description:
      'Weighted mean of the components: concurrent talks 0.35, shared target 0.25, capability 0.25, ties 0.15.',
  })
  score!: number;
  @Field(() => AllyComponents, { description: 'The parts of the score, each in [0, 1].' }) components!: AllyComponents;
  @Field(() => [Reason], {
    description: 'Why the state is an alternative ally, in words, with sources.',
    complexity: cost.items(3),
  })
  reasons!: Reason[];
}

@ObjectType({ description: 'The option of allying with another state instead of the partners at the table.' })
export class AlternativeAllyOption {
  @Field(() => Float, {
    nullable: true,
    description: "The best ally's score (0 without any); null when the state-system data do not cover the date.",
  })
  attractiveness!: number | null;
  @Field(() => [AlternativeAlly], {
    description: 'The available states, best score first.',
    complexity: cost.items(49),
  })
  allies!: AlternativeAlly[];
  @Field(() => [Reason], {
    complexity: cost.items(4),
    description:
      'What the data do not cover at the date, if anything: the state system, wars and disputes, or a component, with the data sets and their years.',
  })
  reasons!: Reason[];
}

@ObjectType({ description: 'The option of handling the target alone, judged by capabilities.' })
export class UnilateralOption {
  @Field(() => Float, {
    nullable: true,
    description: "Party's CINC share of the dyad party–target (0.5 = parity); null without NMC data.",
  })
  attractiveness!: number | null;
  @Field(() => Float, {
    description: "The party's CINC in the year of the date; null without NMC data.",
    nullable: true,
  })
  partyCinc!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum over the states posing the target.' }) targetCinc!:
    number | null;
  @Field(() => Boolean, { nullable: true, description: 'COW major power at the date; null without COW system data.' })
  majorPower!: boolean | null;
  @Field(() => [Reason], { description: 'The reading in words, with sources.', complexity: cost.items(2) })
  reasons!: Reason[];
}

@ObjectType({ description: 'A state threatened by the same target that might bear the cost of deterring it.' })
export class BuckCatcher {
  ccode!: number;
  @Field(() => Float, {
    description: "The state's CINC in the year of the date; null without NMC data.",
    nullable: true,
  })
  cinc!: number | null;
  @Field(() => [TargetEvidence], {
    description: 'The evidence that the state stood against the target.',
    complexity: cost.items(18),
  })
  evidence!: TargetEvidence[];
}

@ObjectType({ description: 'The option of leaving the cost of deterring the target to other states it threatens.' })
export class BuckPassingOption {
  @Field(() => Float, {
    nullable: true,
    description:
      "Σ CINC of the buck-catchers / (that + the target's CINC); without NMC data min(1, count/3); null when the state-system data or every source of evidence against a target do not cover the date.",
  })
  attractiveness!: number | null;
  @Field(() => [BuckCatcher], {
    description: 'The states that might bear the cost, largest CINC first.',
    complexity: cost.items(38),
  })
  buckCatchers!: BuckCatcher[];
  @Field(() => [Reason], { description: 'The reading in words, with sources.', complexity: cost.items(1) })
  reasons!: Reason[];
}

@ObjectType({
  description: "A party's outside options at a negotiation: alternative allies, unilateral action, buck-passing.",
})
export class OutsideOptions {
  partyCcode!: number;
  negotiationKey!: string | null;
  targetCcodes!: number[];
  @Field(() => AlternativeAllyOption, {
    description: 'Other states available as allies, and the attractiveness of the best.',
  })
  alternativeAllies!: AlternativeAllyOption;
  @Field(() => UnilateralOption, { description: 'Handling the target alone.' }) unilateral!: UnilateralOption;
  @Field(() => BuckPassingOption, { description: 'Leaving the target to others it threatens.' })
  buckPassing!: BuckPassingOption;
  @Field(() => Float, {
    nullable: true,
    description:
      'The best of the three that are covered: a party needs only one good alternative. Null when none is; whether every figure behind it is covered: `complete`.',
  })
  overall!: number | null;
  @Field(() => Boolean, {
    description:
      'Every data set behind these figures covers the date (and is imported). When false, `notCovered` names those that do not: a figure resting only on them is null, one resting partly on them is computed from the rest.',
  })
  complete!: boolean;
  @Field(() => [String], {
    complexity: cost.items(9),
    description: "The layers behind these figures that do not cover the date (`record` or a data set's name).",
  })
  notCovered!: string[];
  @Field(() => [LayerCoverage], {
    complexity: cost.items(7),
    description: 'Every layer these figures rest on, with its years and whether it covers the date.',
  })
  coverage!: LayerCoverage[];
}

/** The steps of `outsideOptionsSeries` (the domain's SERIES_STEPS, which the analysis uses too). */
export const SeriesStep = enumOf(SERIES_STEPS);
export type SeriesStep = keyof typeof SeriesStep;
registerEnumType(SeriesStep, {
  name: 'SeriesStep',
  description: "Where the points of a state's outside options over time are read.",
  valuesConfig: describedBy(SERIES_STEPS, SERIES_STEP_DESCRIPTIONS),
});

@ObjectType({
  description:
    "One point of a state's outside options over time: exactly `outsideOptions(party, at)` on the point's date.",
})
export class OutsideOptionsPoint {
  @Field(() => Int, { description: 'ccode of the state.' }) ccode!: number;
  @Field(() => Int, { nullable: true, description: 'The year (YEAR step); null for an era.' }) year!: number | null;
  @Field(() => Era, {
    nullable: true,
    description: "The era the point's date falls in (YEAR step), or the era of the point (ERA step).",
  })
  era!: Era | null;
  @Field(() => DateScalar, {
    description: "First day the point stands for: 1 January of the year, or the era's start (not before the range).",
  })
  from!: string;
  @Field(() => DateScalar, {
    description: "Last day the point stands for: 31 December, or the era's end (not after the range).",
  })
  to!: string;
  @Field(() => DateScalar, {
    description: 'The date the options are read on: 1 July of the year, or the midpoint of from–to.',
  })
  at!: string;
  @Field(() => OutsideOptions, { description: 'The three options and the overall attractiveness at `at`.' })
  options!: OutsideOptions;
  @Field(() => [AlternativeAlly], {
    complexity: cost.items(MAX_TOP_ALLIES),
    description: 'The best alternative allies at `at` (the first `topAllies` of options.alternativeAllies.allies).',
  })
  topAllies!: AlternativeAlly[];
}
