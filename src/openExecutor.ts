/** Opens the configured store, applies graph/schema.cypher and returns the query executor; seeds and imports at start. */
import type { Config } from './config.js';
import type { Logger } from './logger.js';
// The store modules one by one, not ./store/index.js: that re-exports the Neo4j adapter, whose
// neo4j-driver a start on the embedded store must not load (./store/openStore.ts imports it for STORE=neo4j).
import { applySchema, schemaPresent } from './store/applySchema.js';
import { CypherRegistry } from './store/CypherRegistry.js';
import { EMBEDDED_FILE, openStore } from './store/openStore.js';
import { QueryExecutor } from './store/QueryExecutor.js';
import { lostCommits, type CommitLoss } from './store/commitMarker.js';
import { countNegotiations } from './store/queries.gen.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.js';
import type { DatasetName } from './import/types.js';
import type { ImportAllSummary } from './import/runImport.js';

/** The published data sets shipped with the project (gzipped; see its README). */
export const publishedDir = join(projectRoot, 'seed', 'published');

/**
 * Opens the store for the commands. `readOnly` (exports, and the server once started) does not
 * apply the schema and, on the embedded store, shares the file with other readers: an export works
 * beside a running server, a write command does not (it gets a `StoreLockedError`).
 */
export async function openExecutor(
  config: Config,
  logger?: Logger,
  options: { readOnly?: boolean } = {},
): Promise<QueryExecutor> {
  const registry = CypherRegistry.load();
  const store = await openStore(config, options);
  const executor = new QueryExecutor(store, registry, logger);
  if (!options.readOnly) await applySchema(store);
  const file = store.commitMarkerFile;
  if (file) {
    // Grafeo says nothing when its write-ahead log was lost: compare with what was committed (commitMarker.ts).
    executor.commitLoss = await lostCommits(executor, file).catch(async (e: unknown) => {
      await store.close();
      throw e;
    });
    if (executor.commitLoss)
      logger?.warn(
        { lostDataSets: executor.commitLoss.lostDataSets, marker: executor.commitLoss.marker },
        executor.commitLoss.message,
      );
  }
  return executor;
}

/**
 * What `serve` runs on: the store with its schema, the curated seed (into an empty store) and the
 * published data sets of DATA_SETS not yet loaded; on the embedded store, opened read-only once that
 * is done. The API never writes, and the shared lock of a read-only open lets `export` run beside
 * the server. A warm start, with nothing to write, opens the file read-only only.
 */
export async function openForServing(config: Config, logger?: Logger): Promise<QueryExecutor> {
  // A loss found at the first open is reported by the server (/readyz) even once data were imported again.
  let loss: CommitLoss | null | undefined;
  if (config.store === 'embedded' && existsSync(join(config.dataDir, EMBEDDED_FILE))) {
    const reader = await openExecutor(config, logger, { readOnly: true });
    try {
      if (await nothingToWrite(reader, config.dataSets)) return reader;
      loss = reader.commitLoss;
    } catch (e) {
      await reader.store.close().catch(() => undefined);
      throw e;
    }
    await reader.store.close();
  }
  const executor = await openExecutor(config, logger);
  loss ??= executor.commitLoss;
  try {
    await seedIfEmpty(executor, logger);
    await importPublished(executor, config.dataSets, logger);
  } catch (e) {
    await executor.store.close().catch(() => undefined);
    throw e;
  }
  if (config.store !== 'embedded') return executor;
  await executor.store.close();
  const served = await openExecutor(config, logger, { readOnly: true });
  served.commitLoss ??= loss;
  return served;
}

/** The schema is in place, the seed loaded and every published data set of `names` recorded as loaded. */
async function nothingToWrite(executor: QueryExecutor, names: readonly DatasetName[]): Promise<boolean> {
  if (!(await schemaPresent(executor.store))) return false;
  const [row] = await executor.read(countNegotiations);
  if ((row?.negotiations ?? 0) === 0) return false;
  if (!names.length) return true;
  const { pendingDataSets } = await import('./import/index.js');
  return (
    (await pendingDataSets(executor, publishedDir, { only: names, knownSha256: shippedSha256(publishedDir) }))
      .length === 0
  );
}

/** Loads the curated seed if the graph has no negotiation yet; returns whether it did. */
export async function seedIfEmpty(executor: QueryExecutor, logger?: Logger): Promise<boolean> {
  const [row] = await executor.read(countNegotiations);
  if ((row?.negotiations ?? 0) > 0) return false;
  logger?.info('empty store: loading the curated seed');
  const { loadSeed } = await import('./seed/loadSeed.js');
  const summary = await loadSeed(executor);
  logger?.info(summary, 'empty store: curated seed loaded');
  return true;
}

/**
 * Imports the shipped published data sets of `names` (DATA_SETS) that the graph does not record as
 * loaded with the same files (sha256); progress bars on a terminal, and a log line as each data set
 * finishes (the only sign of progress without a terminal). A warm start only hashes the shipped
 * files (a few MB) and reads the DataSet nodes.
 */
export async function importPublished(
  executor: QueryExecutor,
  names: readonly DatasetName[],
  logger?: Logger,
  dir = publishedDir,
): Promise<ImportAllSummary | null> {
  if (!names.length) return null;
  const { importAll, barProgress } = await import('./import/index.js');
  const summary = await importAll(executor, dir, {
    only: names,
    progress: barProgress(),
    knownSha256: shippedSha256(dir),
    onDataset: (d) => {
      if (!d.alreadyLoaded)
        logger?.info(
          { dataset: d.dataset, version: d.version, rows: d.rowsRead, ms: d.ms },
          'published data set imported',
        );
    },
  });
  if (summary.datasets.length)
    logger?.info(
      {
        datasets: summary.datasets.length,
        rows: summary.rowsRead,
        ms: summary.ms,
        alreadyLoaded: summary.skipped.filter((x) => /already loaded/.test(x.reason)).map((x) => x.dataset),
      },
      'published data imported',
    );
  const missing = summary.skipped.filter((x) => !/already loaded/.test(x.reason));
  if (missing.length) logger?.warn({ missing }, 'published data sets not found');
  return summary;
}

/**
 * The sha256 of the original of each shipped file, from seed/published/manifest.csv
 * (`file,bytes,sha256`; test/import/publishedData.test.ts checks it against the files), by absolute
 * path: a warm start need not decompress and hash them.
 */
export function shippedSha256(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const manifest = join(dir, 'manifest.csv');
  if (!existsSync(manifest)) return out;
  for (const line of readFileSync(manifest, 'utf8').split('\n').slice(1)) {
    const [file, , sha256] = line.split(',');
    if (file && sha256 && /^[0-9a-f]{64}$/.test(sha256)) out.set(join(dir, file), sha256);
  }
  return out;
}
