import { Field, Float, ObjectType } from 'type-graphql';
import { Reason, TargetEvidence } from './evidence.type.js';

@ObjectType({ description: 'The parts of an alternative ally\'s score, each in [0, 1] (capability null without NMC data).' })
export class AllyComponents {
  @Field(() => Float, { nullable: true, description: 'CINC share of the dyad ally–target in the year.' }) capability!: number | null;
  @Field(() => Float, { description: 'Strength of the ally\'s own evidence against the target (saturates at 6).' }) sharedTarget!: number;
  @Field(() => Float, { description: '1 allied at the date, 0.5 allied before, 0 never.' }) ties!: number;
  @Field(() => Float, { description: '1 if the ally was negotiating with the party at the same time.' }) concurrentTalks!: number;
}

@ObjectType({ description: 'A state available as an ally instead of the negotiating partners.' })
export class AlternativeAlly {
  ccode!: number;
  @Field(() => Float, { description: 'Weighted mean of the components: concurrent talks 0.35, shared target 0.25, capability 0.25, ties 0.15.' }) score!: number;
  @Field(() => AllyComponents) components!: AllyComponents;
  @Field(() => [Reason]) reasons!: Reason[];
}

@ObjectType()
export class AlternativeAllyOption {
  @Field(() => Float, { description: 'The best ally\'s score.' }) attractiveness!: number;
  @Field(() => [AlternativeAlly]) allies!: AlternativeAlly[];
}

@ObjectType()
export class UnilateralOption {
  @Field(() => Float, { nullable: true, description: 'Party\'s CINC share of the dyad party–target (0.5 = parity); null without NMC data.' }) attractiveness!: number | null;
  @Field(() => Float, { nullable: true }) partyCinc!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum over the states posing the target.' }) targetCinc!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'COW major power at the date; null without COW system data.' }) majorPower!: boolean | null;
  @Field(() => [Reason]) reasons!: Reason[];
}

@ObjectType({ description: 'A state threatened by the same target that might bear the cost of deterring it.' })
export class BuckCatcher {
  ccode!: number;
  @Field(() => Float, { nullable: true }) cinc!: number | null;
  @Field(() => [TargetEvidence]) evidence!: TargetEvidence[];
}

@ObjectType()
export class BuckPassingOption {
  @Field(() => Float, { description: 'Σ CINC of the buck-catchers / (that + the target\'s CINC); without NMC data min(1, count/3).' }) attractiveness!: number;
  @Field(() => [BuckCatcher]) buckCatchers!: BuckCatcher[];
  @Field(() => [Reason]) reasons!: Reason[];
}

@ObjectType({ description: 'A party\'s outside options at a negotiation: alternative allies, unilateral action, buck-passing.' })
export class OutsideOptions {
  partyCcode!: number;
  negotiationKey!: string | null;
  targetCcodes!: number[];
  @Field(() => AlternativeAllyOption) alternativeAllies!: AlternativeAllyOption;
  @Field(() => UnilateralOption) unilateral!: UnilateralOption;
  @Field(() => BuckPassingOption) buckPassing!: BuckPassingOption;
  @Field(() => Float, { description: 'The best of the three: a party needs only one good alternative.' }) overall!: number;
}

