/**
 * Stores and executors for tests. Every executor made here logs the names of the queries it ran
 * successfully into CYPHER_RUN_LOG, so that test/drift can check every Cypher file was executed.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySchema, CypherRegistry, GrafeoStore, Neo4jStore, QueryExecutor, type GraphStore, type QueryObserver } from '../../src/store/index.js';
import { loadSeed } from '../../src/seed/loadSeed.js';

const registry = CypherRegistry.load();

export const recordRuns: QueryObserver = (e) => {
  const dir = process.env.CYPHER_RUN_LOG;
  if (dir && e.ok) appendFileSync(join(dir, `${process.pid}.log`), `${e.name}\n`);
};

export function executorFor(store: GraphStore, ...observers: QueryObserver[]): QueryExecutor {
  return new QueryExecutor(store, registry, undefined, [recordRuns, ...observers]);
}

/** A fresh in-memory Grafeo store with graph/schema.cypher applied; unordered rows come back shuffled. */
export async function emptyEmbedded(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const store = GrafeoStore.open({ shuffleUnordered: true });
  await applySchema(store);
  return executorFor(store, ...observers);
}

/** A fresh in-memory Grafeo store holding the curated seed. */
export async function seededEmbedded(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const ex = await emptyEmbedded(...observers);
  await loadSeed(ex);
  return ex;
}

/** Why the Neo4j variants are skipped, or null when NEO4J_URI is set and they run. */
export const neo4jSkipReason: string | null = process.env.NEO4J_URI
  ? null
  : 'skipped: NEO4J_URI is not set (no Neo4j server on this machine; set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to run them)';

/** Connects to the configured Neo4j, wipes it (it must be a scratch database) and applies the schema. */
export async function emptyNeo4j(): Promise<QueryExecutor> {
  const store = await Neo4jStore.connect({
    uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || undefined,
  });
  await store.write('MATCH (n) DETACH DELETE n', {}, 'test-wipe');
  await applySchema(store);
  return executorFor(store);
}
