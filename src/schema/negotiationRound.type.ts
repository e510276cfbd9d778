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
  @Field(() => String) key!: string;
  @Field(() => Int) sequence!: number;
  @Field(() => DateScalar) start!: string;
  @Field(() => Precision) startPrecision!: Precision;
  @Field(() => DateScalar, { nullable: true }) end!: string | null;
  @Field(() => Precision, { nullable: true }) endPrecision!: Precision | null;
  @Field(() => String) place!: string;
  @Field(() => [String], { description: 'Who negotiated, as the sources name them.' }) negotiators!: string[];
  @Field(() => String, { nullable: true }) summary!: string | null;
}
