import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from './Date.scalar.js';

@ObjectType({ description: 'A time-bound status: COW state-system membership or major-power status.' })
export class Spell {
  @Field(() => DateScalar, { description: 'First day of the spell.' }) start!: string;
  @Field(() => DateScalar, { nullable: true, description: 'null: still running at the end of the data set.' }) end!:
    string | null;
}

@ObjectType({ description: 'An ally at a date: the treaties in force between the two states.' })
export class Ally {
  ccode!: number;
  treatyKeys!: string[];
  @Field(() => String, {
    description: 'Strongest obligation between them (DEFENSE, OFFENSE, NEUTRALITY, NON_AGGRESSION, CONSULTATION).',
  })
  obligation!: string;
}
