/**
 * The server the harnesses drive: the real HTTP server on a free loopback port over an in-memory
 * store holding the curated seed (default) or the seed plus the full published data sets
 * (`full`), or a store on disk (`dataDir`: e.g. the DATA_DIR of a previous `npm start`), and a fingerprint of the stored data (node and relationship counts and a hash of
 * every node's and relationship's properties) to show that requests changed nothing.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { startServer, type RunningServer } from '../../src/server.js';
import type { Config, ServerPolicy } from '../../src/config.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { seededEmbedded } from '../../test/helpers/testStore.js';

export async function openFixture(full: boolean, dataDir?: string): Promise<QueryExecutor> {
  if (dataDir) {
    // an embedded store on disk, as `npm start` leaves it in DATA_DIR (warm: seeded and imported)
    const { openExecutor } = await import('../../src/openExecutor.js');
    const { loadConfig } = await import('../../src/config.js');
    return openExecutor({ ...loadConfig(), store: 'embedded', dataDir });
  }
  if (!full) return seededEmbedded();
  const { seededAndImported } = await import('../../test/helpers/fullGraph.js');
  return seededAndImported();
}

export async function serveFixture(
  executor: QueryExecutor,
  limits: Partial<Config['limits']> = {},
  policy: Partial<ServerPolicy> = {},
): Promise<RunningServer> {
  return startServer({
    executor,
    limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100, ...limits },
    policy,
    port: 0,
    host: '127.0.0.1',
  });
}

export async function fingerprint(
  executor: QueryExecutor,
): Promise<{ nodes: number; relationships: number; hash: string }> {
  const nodes = await executor.store.read(
    'MATCH (n) RETURN labels(n) AS l, properties(n) AS p',
    {},
    'fingerprint-nodes',
  );
  const rels = await executor.store.read(
    'MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(r) AS p, properties(a) AS a, properties(b) AS b',
    {},
    'fingerprint-rels',
  );
  const lines = [
    ...nodes.map((r) => JSON.stringify(sortKeys(r))),
    ...rels.map((r) => JSON.stringify(sortKeys(r))),
  ].sort();
  const hash = createHash('sha256');
  for (const l of lines) hash.update(l).update('\n');
  return { nodes: nodes.length, relationships: rels.length, hash: hash.digest('hex').slice(0, 16) };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  return v;
}
