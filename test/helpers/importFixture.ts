/**
 * The base the import-failure tests write on: an empty embedded store with the COW states
 * imported, and the counts by label and type that a failed import must leave unchanged.
 */
import { join } from 'node:path';
import { importDataset } from '../../src/import/index.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { emptyEmbedded } from './testStore.js';
import { sharedDataDir } from './sharedData.js';
import * as q from '../../src/store/queries.gen.js';

export async function storeCounts(ex: QueryExecutor) {
  return { nodes: await ex.read(q.countNodesByLabel), rels: await ex.read(q.countRelationshipsByType) };
}

export type StoreCounts = Awaited<ReturnType<typeof storeCounts>>;

export async function storeWithCowStates(): Promise<{ ex: QueryExecutor; before: StoreCounts }> {
  const ex = await emptyEmbedded();
  await importDataset(ex, 'cow-states', join(sharedDataDir, 'cow-states'));
  return { ex, before: await storeCounts(ex) };
}
