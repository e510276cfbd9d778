import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './Date.scalar.js';

@ObjectType({ description: 'A state perceiving a threat over a period (a time-bound fact).' })
export class Perception {
  @Field(() => Int, { description: 'ccode of the perceiving state.' }) ccode!: number;
  threatKey!: string;
  @Field(() => DateScalar, { description: 'First day of the perception.' }) from!: string;
  @Field(() => DateScalar, { nullable: true, description: 'null: still perceived at the end of the record.' }) to!:
    string | null;
  @Field(() => String, {
    description: "The curator's note: how the sources date or qualify the perception (often its precision).",
    nullable: true,
  })
  note!: string | null;
  sourceKeys!: string[];
}
