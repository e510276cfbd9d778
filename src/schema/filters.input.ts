/** Filter inputs of the list queries. Dates accept YYYY, YYYY-MM or YYYY-MM-DD. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from './Date.scalar.js';
import type { PartialDate } from './PartialDate.js';
import { Obligation, Outcome } from './enums.js';

@InputType({ description: 'Which states to list.' })
export class StateFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, or the exact COW abbreviation.' })
  search?: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only states in the COW state system at this date (needs the COW import).',
  })
  inSystemAt?: PartialDate;
  @Field(() => ID, {
    nullable: true,
    description: 'Only states in the system at some time during this era (key or global id).',
  })
  inSystemDuring?: string;
}

@InputType({ description: 'Which negotiations to list.' })
export class NegotiationFilter {
  @Field(() => Outcome, { description: 'Only negotiations with this outcome.', nullable: true }) outcome?: Outcome;
  @Field(() => Int, { nullable: true, description: 'ccode of a party.' }) party?: number;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Negotiations still going on at or after the start of this date.',
  })
  from?: PartialDate;
  @Field(() => DateScalar, { nullable: true, description: 'Negotiations begun at or before the end of this date.' })
  to?: PartialDate;
  @Field(() => ID, { nullable: true, description: 'Era key (e.g. "interwar") or global id.' }) era?: string;
}

@InputType({ description: 'Which treaties to list.' })
export class TreatyFilter {
  @Field(() => Int, { nullable: true, description: 'ccode of a member (a member at activeAt, when given).' })
  member?: number;
  @Field(() => DateScalar, { nullable: true, description: 'In force at this date (start of the period given).' })
  activeAt?: PartialDate;
  @Field(() => ID, { nullable: true, description: 'In force at some time during this era (key or global id).' })
  activeDuring?: string;
  @Field(() => Obligation, { description: 'Only treaties carrying this ATOP obligation.', nullable: true })
  obligation?: Obligation;
}

@InputType({ description: 'Which threats to list.' })
export class ThreatFilter {
  @Field(() => Int, { nullable: true, description: 'ccode of the state posing the threat.' }) posedBy?: number;
}
