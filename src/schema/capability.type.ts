import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'COW National Material Capabilities of a state in one year (NMC; null where the data set has no value).',
})
export class Capability {
  @Field(() => Int, { description: 'The year of the NMC figures.' }) year!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Military expenditure (thousands of current pounds to 1913, then US dollars).',
  })
  milex!: number | null;
  @Field(() => Float, { nullable: true, description: 'Military personnel (thousands).' }) milper!: number | null;
  @Field(() => Float, { nullable: true, description: 'Iron and steel production (thousands of tons).' }) irst!:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Primary energy consumption (thousands of coal-ton equivalents).',
  })
  pec!: number | null;
  @Field(() => Float, { nullable: true, description: 'Total population (thousands).' }) tpop!: number | null;
  @Field(() => Float, { nullable: true, description: 'Urban population (thousands).' }) upop!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Composite Index of National Capability: the state's share of the system's capabilities.",
  })
  cinc!: number | null;
}
