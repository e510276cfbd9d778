import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

@ObjectType({
  implements: Node,
  description: 'A state of the COW state system. Addressed by its COW country code (ccode).',
})
export class State extends Node {
  readonly __typename = 'State' as const;
  @Field(() => Int, { description: 'COW country code (2 USA, 200 UKG, 255 GMY, 365 RUS ...).' }) ccode!: number;
  @Field(() => String, { description: 'COW three-letter abbreviation.' }) abbrev!: string;
  @Field(() => String, { description: 'The name the COW state list gives it.' }) name!: string;
}
