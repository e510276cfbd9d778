import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';
import { Obligation, Precision, ProposalResponse } from './enums.js';

@ObjectType({
  implements: Node,
  description: 'An offer made at the table: obligations offered, by whom, to whom, and the answer.',
})
export class Proposal extends Node {
  readonly __typename = 'Proposal' as const;
  @Field(() => String) key!: string;
  @Field(() => Int) sequence!: number;
  @Field(() => DateScalar) date!: string;
  @Field(() => Precision) datePrecision!: Precision;
  @Field(() => [Obligation]) obligations!: Obligation[];
  @Field(() => String) summary!: string;
  @Field(() => ProposalResponse) response!: ProposalResponse;
  @Field(() => String, { nullable: true }) responseNote!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The date in the Julian calendar (Old Style), where the source gives it so.',
  })
  dateOldStyle!: string | null;
  /** The proposer, or the joint proposers, in the record's order. */
  by!: number[];
  to!: number[];
  roundKey!: string | null;
  negotiationKey!: string;
}
