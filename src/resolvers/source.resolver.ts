/** Tables of contents: a source's chapters, and the title of the chapter a citation names (one batched query per level). */
import * as cost from '../schema/fieldCost.js';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { Chapter, Citation, Source } from '../schema/source.type.js';

@Resolver(() => Source)
export class SourceResolver {
  @FieldResolver(() => [Chapter], {
    complexity: cost.reads(1),
    description:
      "The source's table of contents, in printed order, where the record has it: the chapters a `chapter` locator may name.",
  })
  async chapters(@Root() s: Source, @Ctx() ctx: RequestContext): Promise<Chapter[]> {
    return (await ctx.loaders.chaptersOfSource.load(s.key)).map((c) => ({ number: c.number, title: c.title }));
  }

  @FieldResolver(() => String, {
    complexity: cost.read(),
    nullable: true,
    description:
      "Where the table of contents was read (a publisher's page, a library record, an online edition); null without one.",
  })
  async chaptersSeenAt(@Root() s: Source, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await ctx.loaders.chaptersOfSource.load(s.key))[0]?.seenAt ?? null;
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => String, {
    complexity: cost.read(),
    nullable: true,
    description:
      "The title of the chapter the `chapter` locator names, from the source's table of contents; null without a chapter locator.",
  })
  async chapterTitle(@Root() c: Citation, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (c.chapter === null) return null;
    return (await ctx.loaders.chaptersOfSource.load(c.source.key)).find((ch) => ch.number === c.chapter)?.title ?? null;
  }
}
