/**
 * The layers the graph holds and the years each covers (the record, and every data set recorded with
 * its coverage at import): one read of the `DataSet` nodes, a handful of rows, which the server's
 * read cache keeps between requests. What the coverage rules of src/domain/coverage.ts are applied to.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import * as q from '../store/queries.gen.js';
import { loadedLayers, type LoadedLayers } from '../domain/index.js';

export async function readLoadedLayers(ex: QueryExecutor): Promise<LoadedLayers> {
  const rows = await ex.read(q.dataSetsAll);
  return loadedLayers(
    rows.map((d) => ({
      name: d.name,
      version: d.version,
      coverage: d.coverageFrom !== null && d.coverageTo !== null ? { from: d.coverageFrom, to: d.coverageTo } : null,
    })),
  );
}
