/**
 * Stores and executors for tests. Every executor made here logs the names of the queries it ran
 * successfully into CYPHER_RUN_LOG, so that test/drift can check every Cypher file was executed.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applySchema,
  CypherRegistry,
  GrafeoStore,
  Neo4jStore,
  QueryExecutor,
  type BulkWriter,
  type GraphStore,
  type Params,
  type ReadOptions,
  type QueryObserver,
  type Row,
  type StoreHealth,
  type StoreTransaction,
} from '../../src/store/index.js';
import type { Neo4jStoreOptions } from '../../src/store/Neo4jStore.js';
import { StoreUnavailableError } from '../../src/errors/index.js';
import { loadSeed } from '../../src/seed/loadSeed.js';
import { checkValue } from '../../src/store/cypherTypes.js';

const registry = CypherRegistry.load();

export const recordRuns: QueryObserver = (e) => {
  const dir = process.env.CYPHER_RUN_LOG;
  if (dir && e.ok) appendFileSync(join(dir, `${process.pid}.log`), `${e.name}\n`);
};

/**
 * Every row a query returns must match the columns its file declares (names and types): a header
 * cannot drift from its query without a test failing on the call that shows it.
 */
export const checkDeclaredColumns: QueryObserver = (e) => {
  if (!e.ok || !e.result) return;
  const q = registry.get(e.name);
  const columns = { kind: 'map' as const, nullable: false, fields: q.columns };
  for (const [i, row] of e.result.entries()) {
    const problem = checkValue(columns, row, 'row');
    if (problem) throw new Error(`cypher/${q.file}: row ${i} does not match the declared columns: ${problem}`);
  }
};

/** An executor on `store`; only the embedded store's runs go into CYPHER_RUN_LOG (test/drift checks Grafeo). */
export function executorFor(store: GraphStore, ...observers: QueryObserver[]): QueryExecutor {
  return new QueryExecutor(store, registry, undefined, [
    ...(store.kind === 'embedded' ? [recordRuns] : []),
    checkDeclaredColumns,
    ...observers,
  ]);
}

/**
 * The store the store-parameterised tests run on: STORE=embedded (the default) or STORE=neo4j.
 * vitest.config.ts runs test/api, test/analysis, test/export, test/seed and test/import once per
 * store (projects "main" and "neo4j"); the tests call `emptyEmbedded()`/`seededEmbedded()` (or
 * the same functions as `emptyTestStore()`/`seededTestStore()`) and get an executor on that store.
 * Tests that are about one adapter call `emptyGrafeo()`/`seededGrafeo()` or `emptyNeo4j()`.
 */
export type TestStoreKind = 'embedded' | 'neo4j';
export const testStoreKind: TestStoreKind = (() => {
  const v = process.env.STORE ?? 'embedded';
  if (v !== 'embedded' && v !== 'neo4j') throw new Error(`STORE=${v}: expected "embedded" or "neo4j"`);
  return v;
})();

/** A fresh in-memory Grafeo store with graph/schema.cypher applied; unordered rows come back shuffled. */
export async function emptyGrafeo(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const store = GrafeoStore.open({ shuffleUnordered: true });
  await applySchema(store);
  return executorFor(store, ...observers);
}

/** A fresh in-memory Grafeo store holding the curated seed. */
export async function seededGrafeo(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const ex = await emptyGrafeo(...observers);
  await loadSeed(ex);
  return ex;
}

/** An empty graph (schema applied) on the store under test (STORE): Grafeo, or the wiped Neo4j. */
export function emptyTestStore(...observers: QueryObserver[]): Promise<QueryExecutor> {
  return testStoreKind === 'neo4j' ? emptyNeo4j(...observers) : emptyGrafeo(...observers);
}

/** The curated seed on the store under test (STORE). */
export async function seededTestStore(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const ex = await emptyTestStore(...observers);
  await loadSeed(ex);
  return ex;
}

/** The names most tests use: the store under test (STORE), not necessarily the embedded one. */
export const emptyEmbedded = emptyTestStore;
export const seededEmbedded = seededTestStore;

/**
 * Why the Neo4j tests are skipped, or null when NEO4J_URI is set and they run. On CI (CI=true)
 * they never skip: without NEO4J_URI they fail, naming the cause (.ci/run starts a Neo4j).
 */
export const neo4jRequired = process.env.CI === 'true';
export const neo4jSkipReason: string | null =
  process.env.NEO4J_URI || neo4jRequired
    ? null
    : 'skipped: NEO4J_URI is not set (no Neo4j server on this machine; `npm run neo4j` starts one, then set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)';

export function neo4jOptions(): Neo4jStoreOptions {
  if (!process.env.NEO4J_URI) {
    throw new Error(
      'NEO4J_URI is not set' +
        (neo4jRequired ? ' but CI=true: the Neo4j tests must run on CI (.ci/run starts Neo4j)' : ''),
    );
  }
  return {
    uri: process.env.NEO4J_URI,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || undefined,
  };
}

/**
 * The test Neo4j is one database (community edition has no CREATE DATABASE), so every
 * `emptyNeo4j()` wipes the graph that the executors made before it in this process were using.
 * Those executors then refuse to run anything (instead of answering from someone else's graph):
 * each call throws, naming the helper call that superseded them. The neo4j vitest project runs
 * one file at a time (maxWorkers 1), so files never share the database.
 */
let neo4jGeneration = 0;
let sharedNeo4j: Promise<Neo4jStore> | null = null;

function connectShared(): Promise<Neo4jStore> {
  sharedNeo4j ??= Neo4jStore.connect(neo4jOptions()).then(async (store) => {
    await applySchema(store);
    return store;
  });
  sharedNeo4j.catch(() => {
    sharedNeo4j = null;
  });
  return sharedNeo4j;
}

class ScratchNeo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private closed = false;
  constructor(
    private readonly inner: Neo4jStore,
    private readonly generation: number,
  ) {}

  private check(): Neo4jStore {
    if (this.closed) throw new StoreUnavailableError('neo4j', 'this test store was closed');
    if (this.generation !== neo4jGeneration) {
      throw new Error(
        'this Neo4j test executor is stale: a later emptyNeo4j()/seededEmbedded() in the same file wiped the shared test database',
      );
    }
    return this.inner;
  }

  read(text: string, params: Params, tag: string, options?: ReadOptions): Promise<Row[]> {
    return this.check().read(text, params, tag, options);
  }
  write(text: string, params: Params, tag: string): Promise<Row[]> {
    return this.check().write(text, params, tag);
  }
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, tag: string): Promise<T> {
    return this.check().transaction(work, tag);
  }
  health(): Promise<StoreHealth> {
    return this.inner.health();
  }
  get bulk(): BulkWriter {
    return this.check().bulk;
  }
  /** Closes this handle only: the connection is shared by the process's test executors. */
  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Deletes every node of the test Neo4j, in batches (the full import is too big for one transaction's memory). */
export async function wipeNeo4j(store: GraphStore): Promise<void> {
  for (;;) {
    const [row] = await store.write(
      'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS deleted',
      {},
      'test-wipe',
    );
    if (!row || Number(row.deleted) === 0) return;
  }
}

/** The configured Neo4j, wiped (it must be a scratch database), with the schema applied. */
export async function emptyNeo4j(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const inner = await connectShared();
  neo4jGeneration += 1;
  await wipeNeo4j(inner);
  return executorFor(new ScratchNeo4jStore(inner, neo4jGeneration), ...observers);
}

/** The configured Neo4j, wiped, holding the curated seed. */
export async function seededNeo4j(...observers: QueryObserver[]): Promise<QueryExecutor> {
  const ex = await emptyNeo4j(...observers);
  await loadSeed(ex);
  return ex;
}
