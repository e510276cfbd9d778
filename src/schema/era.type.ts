import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';

@ObjectType({ implements: Node, description: 'A named period of international history.' })
export class Era extends Node {
  readonly __typename = 'Era' as const;
  @Field(() => String) key!: string;
  @Field(() => String) name!: string;
  @Field(() => DateScalar) start!: string;
  @Field(() => DateScalar) end!: string;
}
