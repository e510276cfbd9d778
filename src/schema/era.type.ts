import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';

@ObjectType({ implements: Node, description: 'A named period of international history.' })
export class Era extends Node {
  readonly __typename = 'Era' as const;
  @Field(() => String, { description: 'Seed key, e.g. "interwar".' }) key!: string;
  @Field(() => String, { description: 'The name the literature gives the period.' }) name!: string;
  @Field(() => DateScalar, { description: 'First day of the era.' }) start!: string;
  @Field(() => DateScalar, { description: 'Last day of the era.' }) end!: string;
}
