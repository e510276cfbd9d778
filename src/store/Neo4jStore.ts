/**
 * The production store: Neo4j 5 through neo4j-driver. Works with `neo4j://` routing URIs (cluster,
 * Aura) and `bolt://` direct URIs alike: reads are sent with READ access mode so a cluster routes
 * them to readers. Every transaction carries the query's name as metadata (visible in
 * `SHOW TRANSACTIONS` and the query log).
 *
 * Each read is one auto-commit transaction (the statement and its PULL go out as one message: one
 * round trip, no BEGIN and COMMIT of its own) on a session taken from a small pool of idle ones, so no
 * session is made and dropped per read; the reads of one level of a GraphQL result (its DataLoaders)
 * go out together, each on its own pooled connection. A read that fails for a reason worth retrying
 * (Neo4j unreachable, a leader switch) is tried again with a growing pause while the retry window
 * allows, until one read has failed a whole window: then the store counts as down and reads fail at
 * once, one at a time trying whether it is back, until one is answered (OutageBreaker: a Neo4j
 * killed under load is answered STORE_UNAVAILABLE at once, not by each request waiting out the
 * window); a read whose request is
 * past its deadline or gone rejects at once with the signal's reason,
 * whatever the driver is waiting for, so an outage is answered by the deadline, not by the driver's
 * own timeouts.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type {
  BulkWriter,
  DateKeys,
  GraphStore,
  NodeHandle,
  Params,
  ReadOptions,
  Row,
  StoreHealth,
  StoreTransaction,
} from './GraphStore.js';
import { normaliseRow } from './normaliseValue.js';
import { StoreQueryError, StoreUnavailableError } from '../errors/index.js';
import { OutageBreaker } from './OutageBreaker.js';
import { NEO4J_CONNECTION_TIMEOUT_MS, NEO4J_DOWN_TRIAL_EVERY_MS, NEO4J_HEALTH_TIMEOUT_MS } from './neo4jTimeouts.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  /** Database name; default: the server's default database. */
  database?: string;
  /**
   * How long to wait for a connection before failing, in ms, and how long a read retries (default
   * NEO4J_CONNECTION_TIMEOUT_MS, 5000): past it the store counts as down and reads stop retrying
   * until one is answered (OutageBreaker).
   */
  connectionTimeoutMs?: number;
  /** Timeout of a single read or write, in ms (default 30000). */
  transactionTimeoutMs?: number;
  /** Timeout of a multi-statement transaction (seed, a whole data set import), in ms (default 600000). */
  batchTransactionTimeoutMs?: number;
  /** How long /readyz's check (`health`) may take before the store counts as not ready, in ms (default 2000). */
  healthTimeoutMs?: number;
}

/** Idle read sessions kept for the next reads. */
const SESSION_POOL = 16;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

/** Rows per statement of the bulk path. */
const BULK_BATCH = 5000;
/** Labels and relationship types the bulk path writes into its statements' text. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Properties for the bulk path's `SET n = row.props`: dates as the driver's `Date` (a Cypher date), nulls left out. */
function bulkProps(props: Row, dates: readonly string[]): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' && dates.includes(k)) {
      const [y, m, d] = v.split('-').map(Number) as [number, number, number];
      out[k] = new neo4j.types.Date(y, m, d);
    } else out[k] = v;
  }
  return out;
}

/** Groups the indexes of `items` by `key`, in order. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  items.forEach((t, i) => {
    const k = key(t);
    if (!NAME.test(k)) throw new StoreQueryError('bulk', `not a label or type name: ${JSON.stringify(k)}`);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return out;
}

/**
 * `run()` with V8's stack traces off while it runs (it is synchronous). neo4j-driver makes an Error and
 * formats its stack for every result it creates, to show a failed query's caller; the store turns
 * every failure into its own error naming the query, where that stack never shows. The formatting
 * was 2% of the CPU of a request reading 3 queries.
 */
function withoutCallerStack<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly idleSessions: Session[] = [];
  private closed = false;
  private readonly breaker: OutageBreaker;

  private constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {
    this.breaker = new OutageBreaker(
      options.connectionTimeoutMs ?? NEO4J_CONNECTION_TIMEOUT_MS,
      NEO4J_DOWN_TRIAL_EVERY_MS,
    );
  }

  /** Connects and verifies connectivity; throws `StoreUnavailableError` with the reason if it cannot. */
  static async connect(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const timeout = options.connectionTimeoutMs ?? NEO4J_CONNECTION_TIMEOUT_MS;
    let driver: Driver;
    try {
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
        connectionTimeout: timeout,
        connectionAcquisitionTimeout: timeout,
        maxTransactionRetryTime: timeout,
        // Integers arrive as bigint, not as the driver's Integer objects: exact all the same
        // (normaliseValue turns them into numbers, or strings past 2^53), without an object and its
        // arithmetic per value.
        useBigInt: true,
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

  read(text: string, params: Params, tag: string, options?: ReadOptions): Promise<Row[]> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.closed) return Promise.reject(new StoreUnavailableError('neo4j', 'the store is closed'));
    if (!signal) return this.runRead(text, params, tag);
    // The read answers by the deadline whatever the driver is waiting for; what it was doing ends on its own.
    return new Promise<Row[]>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.runRead(text, params, tag, signal).then(
        (rows) => {
          signal.removeEventListener('abort', onAbort);
          resolve(rows);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  private takeSession(): Session {
    return (
      this.idleSessions.pop() ??
      this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ })
    );
  }

  private giveBack(session: Session, healthy: boolean): void {
    if (healthy && !this.closed && this.idleSessions.length < SESSION_POOL) this.idleSessions.push(session);
    else void session.close().catch(() => undefined);
  }

  /**
   * One read as an auto-commit transaction (one message out, one round trip: no BEGIN and COMMIT of
   * its own) on a pooled session, tried again after a growing pause while it fails for a reason worth
   * retrying, `signal` is not aborted and the breaker allows (OutageBreaker: the retry window, the
   * connection timeout from the read's first failure, is open, and the store has not been found
   * down since a read was last answered; while it is down, one read at a time tries it and the others
   * fail at once).
   */
  private async runRead(text: string, params: Params, tag: string, signal?: AbortSignal): Promise<Row[]> {
    const sent = toNeo4jParams(params) as Params;
    // The retry window runs from the read's first failure: a long read that fails once may still retry.
    let failingSince: number | undefined;
    let failure: unknown;
    for (let attempt = 0; ; attempt++) {
      const permit = this.breaker.permit();
      if (permit === 'refused')
        throw failure
          ? this.mapError(tag, failure)
          : new StoreUnavailableError('neo4j', 'it stopped answering (one read at a time checks whether it is back)');
      const session = this.takeSession();
      try {
        const result = await withoutCallerStack(() => session.run(text, sent, this.txConfig(tag)));
        this.giveBack(session, true);
        this.breaker.answered();
        const rows = new Array<Row>(result.records.length);
        for (let i = 0; i < rows.length; i++) rows[i] = normaliseRow(result.records[i]!.toObject());
        return rows;
      } catch (e) {
        this.giveBack(session, false);
        if (permit === 'trial') this.breaker.trialFailed();
        failure = e;
        failingSince ??= performance.now();
        if (!neo4j.isRetryableError(e) || signal?.aborted || this.closed || !this.breaker.mayRetry(failingSince))
          throw this.mapError(tag, e);
      }
      await sleep(Math.min(1000, 100 * 2 ** attempt) * (0.8 + 0.4 * Math.random()));
      // The caller has had its answer (the deadline): no further attempt takes a connection from the
      // pool that /readyz's check and the next requests need (issue 28 §5).
      if (signal?.aborted) throw signal.reason;
    }
  }

  write(text: string, params: Params, tag: string): Promise<Row[]> {
    return this.runWrite(text, params, tag);
  }

  private async runWrite(text: string, params: Params, tag: string): Promise<Row[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const work = (tx: ManagedTransaction) => tx.run(text, toNeo4jParams(params) as Params);
      const result = await session.executeWrite(work, this.txConfig(tag));
      return result.records.map((r) => normaliseRow(r.toObject()));
    } catch (e) {
      throw this.mapError(tag, e);
    } finally {
      await session.close();
    }
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

  /** The bulk path (see `BulkWriter`): UNWIND batches of CREATE, relationships matched by element id. */
  readonly bulk: BulkWriter = {
    createNodes: async (nodes, dates: DateKeys) => {
      const out = new Array<NodeHandle>(nodes.length);
      for (const [label, indexes] of groupBy(nodes, (n) => n.label)) {
        const keys = dates(label);
        for (let i = 0; i < indexes.length; i += BULK_BATCH) {
          const part = indexes.slice(i, i + BULK_BATCH);
          const rows = await this.runWrite(
            `UNWIND $rows AS row CREATE (n:${label}) SET n = row RETURN elementId(n) AS h`,
            { rows: part.map((j) => bulkProps(nodes[j]!.props, keys)) },
            'bulk',
          );
          part.forEach((j, k) => (out[j] = rows[k]!.h as string));
        }
      }
      return out;
    },
    createRelationships: async (relationships, dates: DateKeys) => {
      for (const [type, indexes] of groupBy(relationships, (r) => r.type)) {
        const keys = dates(type);
        for (let i = 0; i < indexes.length; i += BULK_BATCH) {
          const rows = indexes.slice(i, i + BULK_BATCH).map((j) => {
            const r = relationships[j]!;
            return { from: r.from, to: r.to, props: bulkProps(r.props, keys) };
          });
          await this.runWrite(
            `UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.from MATCH (b) WHERE elementId(b) = row.to
CREATE (a)-[r:${type}]->(b) SET r = row.props`,
            { rows },
            'bulk',
          );
        }
      }
    },
  };

  /**
   * Ready when a read answers within `healthTimeoutMs` (2 s), through the same pool and batches as the
   * requests' reads: /readyz turns ready as soon as reads are answered again.
   */
  async health(): Promise<StoreHealth> {
    const timeout = this.options.healthTimeoutMs ?? NEO4J_HEALTH_TIMEOUT_MS;
    try {
      await this.read('RETURN 1 AS ok', {}, 'health', { signal: AbortSignal.timeout(timeout) });
      return { ok: true, store: 'neo4j', detail: this.options.uri };
    } catch (e) {
      if ((e as Error).name === 'TimeoutError') {
        const reason = `Neo4j did not answer within ${timeout} ms`;
        return { ok: false, store: 'neo4j', detail: reason, reason };
      }
      const reason =
        e instanceof StoreUnavailableError ? 'Neo4j cannot be reached' : 'Neo4j did not answer the check query';
      return { ok: false, store: 'neo4j', detail: (e as Error).message, reason };
    }
  }

  /** Closes the driver at once: idle sessions and connections are dropped, reads still running fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.idleSessions.length = 0;
    await this.driver.close();
  }
}
