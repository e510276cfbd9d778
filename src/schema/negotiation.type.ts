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
  @Field(() => String, { description: 'The name the literature gives the talks.' }) name!: string;
  @Field(() => DateScalar, {
    description:
      'First day of the talks (the first day of the month or year when only that is known; see startPrecision).',
  })
  start!: string;
  @Field(() => Precision, { description: 'How precisely the sources date the start.' }) startPrecision!: Precision;
  @Field(() => DateScalar, {
    description:
      'Last day of the talks (the first day of the month or year when only that is known; see endPrecision).',
  })
  end!: string;
  @Field(() => Precision, { description: 'How precisely the sources date the end.' }) endPrecision!: Precision;
  @Field(() => Outcome, { description: 'How the talks ended.' }) outcome!: Outcome;
  /**
   * Undefined on the nodes of a page read without its long texts (negotiationsPage's `$texts`): the
   * field resolver (NegotiationResolver.summary) then loads it; likewise `notes`.
   */
  @Field(() => String, { description: 'What the talks were about and how they ended, in a few sentences.' })
  summary?: string;
  @Field(() => Confidence, { description: 'How firmly the sources support the coding of the negotiation.' })
  confidence!: Confidence;
  @Field(() => String, { nullable: true, description: "Coding decisions and doubts, in the curators' words." })
  notes?: string | null;
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
