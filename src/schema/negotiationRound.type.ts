import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';
import { Precision } from './enums.js';

@ObjectType({
  implements: Node,
  description: 'One phase of a negotiation: a meeting, a series of exchanges or a mission.',
})
export class NegotiationRound extends Node {
  readonly __typename = 'NegotiationRound' as const;
  @Field(() => String, { description: 'Seed key of the round, unique within the record.' }) key!: string;
  @Field(() => Int, { description: 'Position of the round in its negotiation: 1, 2, …' }) sequence!: number;
  @Field(() => DateScalar, {
    description:
      'First day of the round (the first day of the month or year when only that is known; see startPrecision).',
  })
  start!: string;
  @Field(() => Precision, { description: 'How precisely the sources date the start.' }) startPrecision!: Precision;
  @Field(() => DateScalar, {
    description: 'Last day of the round; null where the sources do not date it.',
    nullable: true,
  })
  end!: string | null;
  @Field(() => Precision, {
    description: 'How precisely the sources date the end; null without an end.',
    nullable: true,
  })
  endPrecision!: Precision | null;
  @Field(() => String, { description: 'Where the round took place.' }) place!: string;
  @Field(() => [String], { description: 'Who negotiated, as the sources name them.' }) negotiators!: string[];
  @Field(() => String, { description: 'What happened in the round, in a sentence or two.', nullable: true }) summary!:
    string | null;
}
