import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'The release of the curated record this server holds (seed/release.yaml): cite it with any answer, as the data package and the exports do.',
})
export class Release {
  @Field(() => String, {
    description: 'Semantic version of the record; a change of any coding is a new version (CHANGELOG.md).',
  })
  version!: string;
  @Field(() => String, { description: 'Release date, YYYY-MM-DD.' }) date!: string;
  @Field(() => String, { description: 'Title of the release, as cited.' }) title!: string;
  @Field(() => String, { description: 'How to cite the record (author–date, with the version).' }) citation!: string;
  @Field(() => String, { description: "The record's licence (SPDX id); the code is MIT." }) license!: string;
}
