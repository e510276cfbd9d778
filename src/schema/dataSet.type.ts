import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A span of whole years, both inclusive.' })
export class YearSpan {
  @Field(() => Int, { description: 'First year.' }) from!: number;
  @Field(() => Int, { description: 'Last year.' }) to!: number;
}

@ObjectType({
  description:
    'A published data set imported into the graph, and the exact release it was loaded from (cite it with an answer).',
})
export class DataSet {
  @Field(() => String, {
    description: 'Importer name: atop, cow-states, nmc, mid, cow-wars, cdb90, rivalries, threat.',
  })
  name!: string;
  @Field(() => String, { description: 'The release, from the files (their version column or name).' }) version!: string;
  @Field(() => Int, { description: 'Data rows read from the files (headers not counted).' }) rows!: number;
  @Field(() => String, { description: 'When it was imported (ISO 8601, UTC).' }) loadedAt!: string;
  @Field(() => String, { description: "How to cite the data set (the publisher's citation, with the version)." })
  citation!: string;
  @Field(() => [String], { description: 'The files read, in the order of `sha256`.' }) files!: string[];
  @Field(() => [String], {
    description: "sha256 of each file's content (of the original, uncompressed file), in the order of `files`.",
  })
  sha256!: string[];
  @Field(() => YearSpan, {
    nullable: true,
    description:
      "The years its rows cover, read from them at import (the least and greatest year of the files' year columns; for disputes and wars, the span of the events recorded). A computed figure resting on this data set at a date outside these years is reported as not covered. Null when the files give no years (CDB90's tidy release).",
  })
  coverage!: YearSpan | null;
}
