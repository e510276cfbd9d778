import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from './node.interface.js';

@ObjectType({ implements: Node, description: 'A citation: a book, an article, a document collection or a data set.' })
export class Source extends Node {
  readonly __typename = 'Source' as const;
  @Field(() => String) key!: string;
  @Field(() => String) kind!: string;
  @Field(() => [String]) authors!: string[];
  @Field(() => String) title!: string;
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true }) publisher!: string | null;
  @Field(() => String, { nullable: true, description: 'Journal or edited volume.' }) container!: string | null;
  @Field(() => String, { nullable: true }) volume!: string | null;
  @Field(() => String, { nullable: true }) pages!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { description: 'Formatted author–date citation.' }) citation!: string;
}

@ObjectType({ description: 'A source cited for a fact, with the pages that support it.' })
export class Citation {
  @Field(() => Source) source!: Source;
  @Field(() => String, { nullable: true, description: 'The pages that support the fact, where known (never guessed).' })
  pages!: string | null;
  @Field(() => String, { nullable: true, description: 'The chapter, where the pages are not known.' }) chapter!:
    string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}
