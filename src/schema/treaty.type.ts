import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { DateScalar } from './Date.scalar.js';
import { Obligation } from './enums.js';

@ObjectType({ implements: Node, description: 'A signed alliance treaty; atopId links it to the ATOP data set.' })
export class Treaty extends Node {
  readonly __typename = 'Treaty' as const;
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Int, { nullable: true, description: 'ATOP alliance id, where ATOP codes the treaty.' }) atopId!: number | null;
  @Field(() => DateScalar, { nullable: true }) signed!: string | null;
  @Field(() => DateScalar, { nullable: true }) ended!: string | null;
  @Field(() => [Obligation]) obligations!: Obligation[];
}

@ObjectType({ description: 'A state\'s membership of a treaty, with entry and exit dates and ATOP phase.' })
export class TreatyMembership {
  treatyKey!: string;
  ccode!: number;
  @Field(() => DateScalar, { nullable: true }) entry!: string | null;
  @Field(() => DateScalar, { nullable: true }) exit!: string | null;
  @Field(() => Int, { nullable: true }) phase!: number | null;
}
