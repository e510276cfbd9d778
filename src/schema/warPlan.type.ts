import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { Approach, Coding, CommitmentForm, Confidence, WarPlanKind } from './enums.js';

/** What a commitment covers (resolved to regions and states by field resolvers). */
export interface ScopeData {
  regionKeys: string[];
  stateCcodes: number[];
  note: string | null;
}

@ObjectType({
  implements: Node,
  description:
    "A party's war plan in a negotiation: its target (a threat) and approach, and where the sources discuss them the scope and form of the commitment. IDEAL plans are what a party wanted (its entry plan, or a later one from a round); PROPOSED plans are what a proposal put on the table; `alternatives` are other readings of an ideal plan.",
})
export class WarPlan extends Node {
  readonly __typename = 'WarPlan' as const;
  @Field(() => String, { description: 'Seed-derived key of the plan, unique within the record.' }) key!: string;
  @Field(() => WarPlanKind, {
    description: 'IDEAL (what the party wanted) or PROPOSED (what a proposal put on the table).',
  })
  kind!: WarPlanKind;
  @Field(() => Approach, { description: 'Offensive or defensive: what the plan would do about the target.' })
  approach!: Approach;
  @Field(() => String, { nullable: true, description: 'Why the plan is coded thus, in one sentence.' }) justification!:
    string | null;
  @Field(() => Confidence, { description: 'How firmly the sources support this coding.' }) confidence!: Confidence;
  @Field(() => Coding, { description: 'PRIMARY, or ALTERNATIVE for another reading of an ideal plan.' })
  coding!: Coding;
  @Field(() => String, { nullable: true, description: 'Why a reviewer could read the plan so (alternative codings).' })
  rationale!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The round from which an ideal plan holds; null for the entry plan.',
  })
  fromRound!: number | null;
  @Field(() => CommitmentForm, { nullable: true, description: 'AUTOMATIC or CONSULTATIVE, where the sources show it.' })
  form!: CommitmentForm | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the holder has no recorded perception of the target at the time.',
  })
  targetNotPerceived!: string | null;
  partyCcode!: number;
  targetKey!: string;
  proposalKey!: string | null;
  scope!: ScopeData | null;
  alternatives!: WarPlan[];
}
