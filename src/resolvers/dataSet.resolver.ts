import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { DataSet, YearSpan } from '../schema/dataSet.type.js';
import { analysisSpan } from '../domain/index.js';
import { readLoadedLayers } from '../reads/loadedLayers.js';
import * as q from '../store/queries.gen.js';
import * as cost from '../schema/fieldCost.js';

@Resolver(() => DataSet)
export class DataSetResolver {
  @Query(() => [DataSet], {
    complexity: cost.reads(8),
    description:
      'The published data sets imported into the graph, by name, each with the release, checksums, citation and the years it covers (a short list: not paginated).',
  })
  async dataSets(@Ctx() ctx: RequestContext): Promise<DataSet[]> {
    return (await ctx.executor.read(q.dataSetsAll)).map((d) => ({
      ...d,
      coverage: d.coverageFrom !== null && d.coverageTo !== null ? { from: d.coverageFrom, to: d.coverageTo } : null,
    }));
  }

  @Query(() => YearSpan, {
    complexity: cost.read(),
    description:
      "The years the analyses span by default (the series, the pages): those of the alliance data — ATOP's when it is imported (1815–2018 for ATOP 5.1), the record's (1815–1949) otherwise. A date outside it is still answered, each figure saying which data sets cover it.",
  })
  async analysisSpan(@Ctx() ctx: RequestContext): Promise<YearSpan> {
    return analysisSpan(await readLoadedLayers(ctx.executor));
  }
}
