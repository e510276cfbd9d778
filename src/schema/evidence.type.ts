import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './Date.scalar.js';
import { EvidenceKind } from './analysisEnums.js';
import { describeEvidenceWeights } from '../domain/index.js';

@ObjectType({ description: 'One piece of evidence that a state stood against a target, with its sources.' })
export class TargetEvidence {
  @Field(() => Int, { description: 'ccode of the state holding the evidence.' }) holder!: number;
  @Field(() => Int, { description: 'ccode of the target.' }) target!: number;
  @Field(() => EvidenceKind, { description: 'What kind of evidence it is (its weight follows from the kind).' })
  kind!: EvidenceKind;
  @Field(() => Float, {
    description: `The weight of its kind in shared-target strength (${describeEvidenceWeights()}).`,
  })
  weight!: number;
  @Field(() => String, {
    description: 'What the evidence is, in words: the treaty, war plan, war, rivalry, perception or dispute.',
  })
  description!: string;
  @Field(() => String, {
    description:
      'What it rests on: "treaty:<id>", "negotiation:<id>", "dispute:<id>", "war:<id>", "rivalry:<id>", "threat:<id>".',
  })
  reference!: string;
  @Field(() => DateScalar, {
    description:
      "The date the evidence carries (a treaty's signature, the start of a war or dispute, 1 January of a rivalry's first year, …); null where unknown.",
    nullable: true,
  })
  date!: string | null;
  @Field(() => Boolean, {
    description: 'Both states hold this same piece of evidence (same treaty, negotiation, dispute or war).',
  })
  joint!: boolean;
  sourceKeys!: string[];
}

@ObjectType({ description: 'A target both states stood against at the date.' })
export class SharedTarget {
  targetCcode!: number;
  @Field(() => Float, {
    description: 'Σ of kind weights held by each state (each kind once) + 1 per joint piece of evidence.',
  })
  strength!: number;
  /** Every piece of evidence, strongest first (served by SharedTargetResolver.evidence). */
  allEvidence!: TargetEvidence[];
}

@ObjectType({ description: 'A reason, in words, with the sources behind it.' })
export class Reason {
  @Field(() => String, { description: 'The reason, in a sentence.' }) text!: string;
  sourceKeys!: string[];
}
