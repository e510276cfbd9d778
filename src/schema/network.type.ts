import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './Date.scalar.js';
import { TieObligation } from './analysisEnums.js';
import * as cost from './fieldCost.js';

@ObjectType({ description: 'A state in the network at the date.' })
export class NetworkNode {
  @Field(() => Int, { description: 'COW country code.' }) ccode!: number;
  @Field(() => String, { description: 'COW three-letter abbreviation.' }) abbrev!: string;
  @Field(() => String, { description: 'The name the COW state list gives it.' }) name!: string;
  @Field(() => Float, { nullable: true, description: 'CINC in the year of the date (NMC).' }) cinc!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'COW major power at the date.' }) majorPower!: boolean | null;
}

@ObjectType({ description: 'An alliance tie in force at the date between two states.' })
export class AllianceEdge {
  @Field(() => Int, { description: 'ccode of one state (the lower).' }) source!: number;
  @Field(() => Int, { description: 'ccode of the other.' }) target!: number;
  @Field(() => TieObligation, { description: 'The strongest obligation between them.' }) obligation!: TieObligation;
  @Field(() => [String], { description: 'Treaty keys.' }) treaties!: string[];
  @Field(() => [Int], { description: 'ATOP alliance ids of the treaties, where ATOP codes them.' }) atopIds!: number[];
}

@ObjectType({ description: 'The alliance network as of a date.' })
export class AllianceNetwork {
  @Field(() => DateScalar, { description: 'The date of the network.' }) at!: string;
  @Field(() => [NetworkNode], { description: 'The states of the system at the date.', complexity: cost.items(65) })
  nodes!: NetworkNode[];
  @Field(() => [AllianceEdge], { description: 'The alliance ties in force at the date.', complexity: cost.items(253) })
  edges!: AllianceEdge[];
}

@ObjectType({ description: 'The shortest chain of alliance ties between two states at a date.' })
export class AlliancePath {
  @Field(() => DateScalar, { description: 'The date of the ties.' }) at!: string;
  @Field(() => Int, { description: 'Number of ties in the chain (0: the same state).' }) length!: number;
  @Field(() => [Int], { description: 'ccodes along the chain, from first to last.' }) states!: number[];
  @Field(() => [AllianceEdge], { description: 'The ties along the chain, in order.', complexity: cost.items(3) })
  ties!: AllianceEdge[];
}

@ObjectType({ description: 'Alliance portfolio similarity of two states in a year.' })
export class PortfolioSimilarityResult {
  @Field(() => Int, { description: 'ccode of the first state.' }) stateA!: number;
  @Field(() => Int, { description: 'ccode of the second state.' }) stateB!: number;
  @Field(() => Int, {
    description:
      'The year of the portfolios: ties in force at some time in it, among the states of the system on 1 July.',
  })
  year!: number;
  @Field(() => String, { description: 'The measure used: S or TAU_B.' }) measure!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'In [-1, 1]; null when undefined (tau-b of a portfolio without variation).',
  })
  value!: number | null;
  @Field(() => Int, { description: 'States in the portfolios (system members that year).' }) statesCompared!: number;
}

@ObjectType({ description: 'Material capabilities of two states in a year (NMC CINC).' })
export class CapabilityRatioResult {
  @Field(() => Int, { description: 'The year of the NMC figures.' }) year!: number;
  @Field(() => Float, { description: 'CINC of the first state; null without NMC data.', nullable: true }) cincA!:
    number | null;
  @Field(() => Float, { description: 'CINC of the second state; null without NMC data.', nullable: true }) cincB!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'cincA / cincB.' }) ratio!: number | null;
  @Field(() => Float, { nullable: true, description: 'cincA / (cincA + cincB).' }) shareA!: number | null;
}
