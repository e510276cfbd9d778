import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { DataSet } from '../schema/dataSet.type.js';
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
}
