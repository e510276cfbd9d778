import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';
import { Confidence, Outcome, Precision } from './enums.js';

@ObjectType({
  implements: Node,
  description: 'Alliance talks between two or more states, whether or not they produced a treaty.',
})
export class Negotiation extends Node {
  readonly __typename = 'Negotiation' as const;
  @Field(() => String, { description: 'Seed key, e.g. "anglo-german-1898".' }) key!: string;
  @Field(() => String) name!: string;
  @Field(() => DateScalar) start!: string;
  @Field(() => Precision) startPrecision!: Precision;
  @Field(() => DateScalar) end!: string;
  @Field(() => Precision) endPrecision!: Precision;
  @Field(() => Outcome) outcome!: Outcome;
  @Field(() => String) summary!: string;
  @Field(() => Confidence) confidence!: Confidence;
  @Field(() => String, { nullable: true, description: "Coding decisions and doubts, in the curators' words." }) notes!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why plans in this negotiation may aim at a state at the table (neutrality, non-aggression, coercive talks); null when none may.',
  })
  targetAtTable!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The start in the Julian calendar (Old Style), where the source gives it so.',
  })
  startOldStyle!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The end in the Julian calendar (Old Style), where the source gives it so.',
  })
  endOldStyle!: string | null;
  @Field(() => Boolean, {
    description:
      'No source dates the opening of the talks: the start is the signature, so a duration of zero is not a finding (analyses of duration leave such negotiations out).',
  })
  startNotRecorded!: boolean;
  @Field(() => Boolean, {
    description:
      "Drawn for the blind second coding (the reliability sample): each party's `secondCoding` holds the second coder's entry plan.",
  })
  inSecondCodingSample!: boolean;
}
