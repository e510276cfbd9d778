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
  @Field(() => String, { description: 'Seed key of the proposal, unique within the record.' }) key!: string;
  @Field(() => Int, { description: 'Position of the proposal in its negotiation: 1, 2, …' }) sequence!: number;
  @Field(() => DateScalar, {
    description:
      'When the proposal was made (the first day of the month or year when only that is known; see datePrecision).',
  })
  date!: string;
  @Field(() => Precision, { description: 'How precisely the sources date the proposal.' }) datePrecision!: Precision;
  @Field(() => [Obligation], { description: 'The ATOP obligations the proposal offered; empty when not coded.' })
  obligations!: Obligation[];
  @Field(() => String, { description: 'What was proposed, in a sentence or two.' }) summary!: string;
  @Field(() => ProposalResponse, { description: 'How the other parties answered.' }) response!: ProposalResponse;
  @Field(() => String, { description: 'What qualifies the answer, where the record says more.', nullable: true })
  responseNote!: string | null;
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
