/**
 * The base the import-failure tests write on: an empty embedded store with the COW states
 * imported, and the counts by label and type that a failed import must leave unchanged; and small
 * data sets written as files (a few rows of the shipped ones).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
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

/** A small data set: file name → rows (header from the first row's keys). */
export type Fixture = Record<string, Record<string, string>[]>;

/** Writes a fixture into a fresh temp dir (under a subfolder, as the shipped layout has); returns the subfolder. */
export function writeFixture(fixture: Fixture, prefix = 'alliance-fixture-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'data');
  mkdirSync(dir, { recursive: true });
  for (const [file, rows] of Object.entries(fixture))
    writeFileSync(join(dir, file), stringify(rows, { header: true, columns: Object.keys(rows[0]!) }));
  return dir;
}
