/** The curated seed plus every published data set, on an in-memory embedded store. */
import { importAll } from '../../src/import/index.js';
import { loadSeed } from '../../src/seed/loadSeed.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { sharedDataDir } from './sharedData.js';
import { emptyEmbedded } from './testStore.js';

export async function seededAndImported(): Promise<QueryExecutor> {
  const ex = await emptyEmbedded();
  await loadSeed(ex);
  await importAll(ex, sharedDataDir);
  return ex;
}
