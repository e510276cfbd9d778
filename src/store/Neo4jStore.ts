/**
 * The production store: Neo4j 5 through neo4j-driver. Works with `neo4j://` routing URIs (cluster,
 * Aura) and `bolt://` direct URIs alike: reads are sent with READ access mode so a cluster routes
 * them to readers. Every transaction carries the query's name as metadata (visible in
 * `SHOW TRANSACTIONS` and the query log).
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { GraphStore, Params, Row, StoreHealth, StoreTransaction } from './GraphStore.js';
import { normaliseRow } from './normaliseValue.js';
import { StoreQueryError, StoreUnavailableError } from '../errors/index.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  /** Database name; default: the server's default database. */
  database?: string;
  /** How long to wait for a connection before failing, in ms (default 5000). */
  connectionTimeoutMs?: number;
  /** Timeout of a single read or write, in ms (default 30000). */
  transactionTimeoutMs?: number;
  /** Timeout of a multi-statement transaction (seed, a whole data set import), in ms (default 600000). */
  batchTransactionTimeoutMs?: number;
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/**
 * Integers are sent as Neo4j integers: the driver would otherwise send every JS number as a float,
 * and `SET s.ccode = $ccode` would store 200.0.
 */
function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v)]));
  }
  return value;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {}

  /** Connects and verifies connectivity; throws `StoreUnavailableError` with the reason if it cannot. */
  static async connect(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const timeout = options.connectionTimeoutMs ?? 5000;
    let driver: Driver;
    try {
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
        connectionTimeout: timeout,
        connectionAcquisitionTimeout: timeout,
        maxTransactionRetryTime: timeout,
        userAgent: 'alliance-graph',
      });
    } catch (e) {
      throw new StoreUnavailableError(
        'neo4j',
        `bad NEO4J_URI ${JSON.stringify(options.uri)}: ${(e as Error).message}`,
        e,
      );
    }
    const store = new Neo4jStore(driver, options);
    try {
      await driver.verifyConnectivity({ database: options.database });
    } catch (e) {
      await driver.close();
      throw new StoreUnavailableError('neo4j', `cannot reach ${options.uri}: ${(e as Error).message}`, e);
    }
    return store;
  }

  private mapError(tag: string, e: unknown): Error {
    const code = (e as { code?: string }).code ?? '';
    if (UNAVAILABLE.has(code)) return new StoreUnavailableError('neo4j', (e as Error).message, e);
    return new StoreQueryError(tag, (e as Error).message.split('\n')[0] ?? code, e);
  }

  private txConfig(tag: string, timeout = this.options.transactionTimeoutMs ?? 30000) {
    return { metadata: { app: 'alliance-graph', query: tag }, timeout };
  }

  private async run(mode: 'READ' | 'WRITE', text: string, params: Params, tag: string): Promise<Row[]> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const work = (tx: ManagedTransaction) => tx.run(text, toNeo4jParams(params) as Params);
      const result =
        mode === 'READ'
          ? await session.executeRead(work, this.txConfig(tag))
          : await session.executeWrite(work, this.txConfig(tag));
      return result.records.map((r) => normaliseRow(r.toObject()));
    } catch (e) {
      throw this.mapError(tag, e);
    } finally {
      await session.close();
    }
  }

  read(text: string, params: Params, tag: string): Promise<Row[]> {
    return this.run('READ', text, params, tag);
  }
  write(text: string, params: Params, tag: string): Promise<Row[]> {
    return this.run('WRITE', text, params, tag);
  }

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>, tag: string): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    const tx = session.beginTransaction(this.txConfig(tag, this.options.batchTransactionTimeoutMs ?? 600000));
    try {
      const result = await work({
        run: async (text, params, t) => {
          try {
            const r = await tx.run(text, toNeo4jParams(params) as Params);
            return r.records.map((rec) => normaliseRow(rec.toObject()));
          } catch (e) {
            throw this.mapError(t, e);
          }
        },
      });
      await tx.commit();
      return result;
    } catch (e) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw e;
    } finally {
      await session.close();
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      const info = await this.driver.getServerInfo({ database: this.options.database });
      return { ok: true, store: 'neo4j', detail: `${info.agent ?? 'neo4j'} at ${info.address ?? this.options.uri}` };
    } catch (e) {
      return { ok: false, store: 'neo4j', detail: (e as Error).message };
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
