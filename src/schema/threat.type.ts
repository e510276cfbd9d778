import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

@ObjectType({
  implements: Node,
  description: 'What a war plan or a treaty is aimed at: the danger posed by one or more states.',
})
export class Threat extends Node {
  readonly __typename = 'Threat' as const;
  @Field(() => String, { description: 'Seed key, e.g. "threat-russia".' }) key!: string;
  @Field(() => String, { description: 'The threat\'s name, e.g. "Tsarist Russia".' }) name!: string;
  @Field(() => String, {
    description: 'What the threat was, in a sentence; null where the seed gives none.',
    nullable: true,
  })
  description!: string | null;
}
