import { Field, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { Approach, Confidence, WarPlanKind } from './enums.js';

@ObjectType({ implements: Node, description: 'A party\'s war plan in a negotiation: its target (a threat) and its approach.' })
export class WarPlan extends Node {
  readonly __typename = 'WarPlan' as const;
  @Field(() => String) key!: string;
  @Field(() => WarPlanKind) kind!: WarPlanKind;
  @Field(() => Approach) approach!: Approach;
  @Field(() => String, { description: 'Why the plan is coded thus, in one sentence.' }) justification!: string;
  @Field(() => Confidence) confidence!: Confidence;
  partyCcode!: number;
  targetKey!: string;
}
