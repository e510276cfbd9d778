import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';
import { SOURCE_KINDS } from '../domain/index.js';

@ObjectType({ implements: Node, description: 'A citation: a book, an article, a document collection or a data set.' })
export class Source extends Node {
  readonly __typename = 'Source' as const;
  @Field(() => String, { description: 'Seed key of the source.' }) key!: string;
  @Field(() => String, { description: `The kind of work: ${SOURCE_KINDS.join(', ')}.` }) kind!: string;
  @Field(() => [String], { description: 'Authors or editors, as cited.' }) authors!: string[];
  @Field(() => String, { description: 'Title of the work.' }) title!: string;
  @Field(() => Int, { description: 'Year of publication.' }) year!: number;
  @Field(() => String, { description: 'Publisher, where recorded.', nullable: true }) publisher!: string | null;
  @Field(() => String, { nullable: true, description: 'Journal or edited volume.' }) container!: string | null;
  @Field(() => String, { description: 'Volume of the journal or collection, where there is one.', nullable: true })
  volume!: string | null;
  @Field(() => String, { description: 'Pages of an article or chapter in its container.', nullable: true }) pages!:
    string | null;
  @Field(() => String, { description: 'Where the work is available online, where recorded.', nullable: true }) url!:
    string | null;
  @Field(() => String, { description: 'Formatted author–date citation.' }) citation!: string;
}

@ObjectType({
  description: "A chapter of a source's table of contents, as printed: what a citation's `chapter` locator names.",
})
export class Chapter {
  @Field(() => String, { description: 'The chapter number as printed ("4", "II").' }) number!: string;
  @Field(() => String, { description: 'The chapter title as printed.' }) title!: string;
}

@ObjectType({
  description:
    'A source cited for a fact, with a locator where one is checkable (pages, chapter or document) and where it was read.',
})
export class Citation {
  @Field(() => Source, { description: 'The work cited.' }) source!: Source;
  @Field(() => String, {
    nullable: true,
    description:
      "The pages that support the fact, of an edition a reader can open (the source's url, or `seenAt`); never guessed.",
  })
  pages!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The chapter that supports the fact, by its number in the source's table of contents (see `chapterTitle`).",
  })
  chapter!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The number of the document that supports the fact, in a published collection (e.g. a FRUS volume).',
  })
  document!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Where the cited page or document was read (the URL of an online edition).',
  })
  seenAt!: string | null;
  @Field(() => String, { nullable: true, description: "The curator's note on this citation." }) note!: string | null;
}
