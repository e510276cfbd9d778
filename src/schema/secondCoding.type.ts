import { Field, ObjectType } from 'type-graphql';
import { Approach, Confidence } from './enums.js';

@ObjectType({
  description:
    "The blind second coder's entry plan for one party of a negotiation in the reliability sample, coded from the works the record cites without seeing the first coding (docs/codebook.md §20).",
})
export class SecondCoding {
  key!: string;
  targetKey!: string | null;
  targetCcodes!: number[] | null;
  @Field(() => Approach, {
    nullable: true,
    description: 'OFFENSIVE or DEFENSIVE; null where the second coder could not code it.',
  })
  approach!: Approach | null;
  @Field(() => Confidence, { description: "The second coder's confidence in this coding." }) confidence!: Confidence;
  @Field(() => String, { description: "The second coder's reasons, in a few sentences." }) rationale!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Why the target or the approach is not coded; null when both are.',
  })
  reason!: string | null;
}
