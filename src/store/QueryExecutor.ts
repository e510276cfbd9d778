/**
 * Runs named queries from the registry against whichever store is configured. The one executor
 * both stores go through: it tags each call with the query's name, times it, logs it, and tells
 * its observers (round-trip counters, the test that checks every file is executed and that every
 * row matches its file's declared columns).
 *
 * Calls name a typed handle from `queries.gen.ts` (`executor.read(q.statesByCcodes, {ccodes})`):
 * the parameters and the rows are typed from the Cypher file's header.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { CypherRegistry } from './CypherRegistry.js';
import type { GraphStore, Params, Row } from './GraphStore.js';
import type { AnyQueryHandle, QueryHandle } from './QueryHandle.js';
import { bumpDataVersion, dataVersion } from './queries.gen.js';
import { recordCommit, type CommitLoss } from './commitMarker.js';
import { invariant } from '../errors/index.js';
import { approxBytes, type CacheFigures } from './byteBudget.js';

export interface QueryEvent {
  name: string;
  mode: 'READ' | 'WRITE';
  ms: number;
  rows: number;
  ok: boolean;
  requestId?: string;
  /** The rows returned (successful calls). */
  result?: readonly Row[];
}

export type QueryObserver = (event: QueryEvent) => void;

/** The transaction-scoped view handed to `executor.transaction(work)`. */
export interface NamedTransaction {
  run<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
  run<P, R>(query: QueryHandle<P, R>, params: NoInfer<P>): Promise<R[]>;
}

/**
 * Rows of named reads, by data version (see `QueryExecutor.withReadCache`): what the server's
 * requests share, so that a request asked again (8 clients looping the same 50 negotiations' outside
 * options) costs no store call. Entries of another data version are never returned; the least
 * recently used go first past `maxBytes` (their rows' `approxBytes`, ./byteBudget.ts), and a read
 * larger than a quarter of that is not kept; a read in flight is shared, not repeated.
 * `derivedMaxBytes`: the budget of the caches derived from it (the scored outside options, one per
 * read cache: src/analysis/outsideOptions/resultCache.ts).
 */
export class ReadCache {
  private readonly entries = new Map<string, { version: string; rows: Promise<Row[]>; size: number }>();
  private total = 0;
  hits = 0;
  misses = 0;
  constructor(
    readonly maxBytes = DEFAULT_READ_CACHE_BYTES,
    readonly derivedMaxBytes = DEFAULT_DERIVED_CACHE_BYTES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Entries, bytes held (about), budget, hits and misses: for /metrics. */
  figures(): CacheFigures {
    return {
      entries: this.entries.size,
      bytes: this.total,
      maxBytes: this.maxBytes,
      hits: this.hits,
      misses: this.misses,
    };
  }

  /** The cached rows of `key` at `version`, or those of `load()` (then cached). */
  rows(key: string, version: string, load: () => Promise<Row[]>): Promise<Row[]> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.hits += 1;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return hit.rows;
    }
    if (hit) this.drop(key);
    this.misses += 1;
    const entry = { version, rows: load(), size: 0 };
    this.entries.set(key, entry);
    entry.rows.then(
      (rows) => {
        if (this.entries.get(key) !== entry) return;
        const size = approxBytes(rows) + key.length;
        if (size > this.maxBytes / 4) {
          this.drop(key);
          return;
        } // too big to keep: read again next time
        entry.size = size;
        this.total += size;
        for (const [k] of this.entries) {
          if (this.total <= this.maxBytes) break;
          this.drop(k);
        }
      },
      () => {
        if (this.entries.get(key) === entry) this.drop(key);
      },
    );
    return entry.rows;
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.total -= e.size;
    this.entries.delete(key);
  }
}

/** READ_CACHE_MB's default: 64 MB of rows. */
export const DEFAULT_READ_CACHE_BYTES = 64 * 2 ** 20;
/** RESULT_CACHE_MB's default: 32 MB of scored outside options. */
export const DEFAULT_DERIVED_CACHE_BYTES = 32 * 2 ** 20;

/**
 * The reasons shared reads (ReadCache) failed with because the request that sent them ended: the
 * other requests waiting for such a read send it again (issue 28 §5: with Neo4j killed, requests
 * that had waited 4.7 s were answered TIMEOUT "longer than 10000 ms", another request's deadline).
 */
const endedWithItsRequest = new WeakSet<object>();

/** A read's cache key: its name and parameters (long parameter lists hashed). */
function cacheKey(name: string, params: unknown): string {
  const json = JSON.stringify(params) ?? '';
  return `${name}\u0000${json.length > 512 ? createHash('sha1').update(json).digest('base64') : json}`;
}

/**
 * The graph's data version as read from the graph (`cypher/dataVersion.cypher`), one read shared by
 * every request that asks while it is under way or waits for it: a request that asks while a read is
 * under way (it may have been sent before a write this request must see) waits for the next one, which
 * all such requests share. Under load that is about one read per round trip instead of one per request.
 */
class VersionProbe {
  private running: Promise<string> | undefined;
  private queued: Promise<string> | undefined;

  constructor(private readonly read: () => Promise<string>) {}

  /** A version read sent no earlier than this call. */
  current(): Promise<string> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.queued;
  }

  private start(): Promise<string> {
    this.queued = undefined;
    const p = this.read();
    this.running = p;
    const done = () => {
      if (this.running === p) this.running = undefined;
    };
    p.then(done, done);
    return p;
  }
}

export class QueryExecutor {
  /** Committed transactions the store lost before this open (commitMarker.ts), found by openExecutor. */
  commitLoss?: CommitLoss | null;
  /** This request's data version, read once at its first cached read (`withReadCache`). */
  private version?: Promise<string>;

  constructor(
    readonly store: GraphStore,
    readonly registry: CypherRegistry,
    private readonly logger?: Logger,
    private readonly observers: QueryObserver[] = [],
    private readonly requestId?: string,
    private readonly writes: { count: number } = { count: 0 },
    private readonly signal?: AbortSignal,
    private readonly cache?: ReadCache,
    private readonly probe: VersionProbe = new VersionProbe(() => graphVersion(store, registry)),
  ) {}

  /**
   * A child executor for one request: same store, its own request id and extra observers. Once
   * `signal` is aborted (the request's deadline passed, or the client went away) no further store
   * call starts: each throws `signal.reason`.
   */
  forRequest(requestId: string, observers: QueryObserver[] = [], signal?: AbortSignal): QueryExecutor {
    return new QueryExecutor(
      this.store,
      this.registry,
      this.logger?.child({ requestId }),
      [...this.observers, ...observers],
      requestId,
      this.writes,
      signal,
      this.cache,
      this.probe,
    );
  }

  /**
   * This executor with a read cache its requests share (the server's: `startServer`): the reads
   * of an executor made by `forRequest` are answered from `cache` when the same read (name and
   * parameters) was made at the same data version. Each request takes the data version once, at its
   * first read (`dataVersion()` then answers the same): from the store's own count of writes where
   * nothing else can write to it (the embedded store, `GraphStore.writesSeen`: no round trip), else
   * from the graph, one read shared by the requests that ask meanwhile (`VersionProbe`); so a seed
   * or an import, by this process or another, is seen by the next request. On Neo4j, writes made
   * outside `write`/`transaction` (on `store` directly) are not seen: the cache is for serving.
   * Observers see a cached read as a read (its rows, `ms` near 0).
   */
  withReadCache(cache: ReadCache = new ReadCache()): QueryExecutor {
    return new QueryExecutor(
      this.store,
      this.registry,
      this.logger,
      this.observers,
      this.requestId,
      this.writes,
      this.signal,
      cache,
      this.probe,
    );
  }

  /** The cache of `withReadCache`, if any (figures, tests). */
  get readCache(): ReadCache | undefined {
    return this.cache;
  }

  /** How many writes this executor and its children have made: part of the key of derived caches. */
  get writeVersion(): number {
    return this.writes.count;
  }

  private notify(event: QueryEvent): void {
    for (const o of this.observers) o(event);
    this.logger?.debug(
      { query: event.name, mode: event.mode, ms: Math.round(event.ms * 10) / 10, rows: event.rows, ok: event.ok },
      'cypher',
    );
  }

  private async timed<R>(name: string, mode: 'READ' | 'WRITE', run: () => Promise<Row[]>): Promise<R[]> {
    if (this.signal?.aborted) throw this.signal.reason;
    const t0 = performance.now();
    try {
      const rows = await (this.signal ? untilAborted(run(), this.signal) : run());
      this.notify({
        name,
        mode,
        ms: performance.now() - t0,
        rows: rows.length,
        ok: true,
        requestId: this.requestId,
        result: rows,
      });
      return rows as R[];
    } catch (e) {
      this.notify({ name, mode, ms: performance.now() - t0, rows: 0, ok: false, requestId: this.requestId });
      throw e;
    }
  }

  private resolve(query: AnyQueryHandle) {
    return this.registry.get(query.name);
  }

  read<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
  read<P, R>(query: QueryHandle<P, R>, params: NoInfer<P>): Promise<R[]>;
  read(query: AnyQueryHandle, params: Params = {}): Promise<unknown[]> {
    const q = this.resolve(query);
    invariant(q.mode !== 'WRITE', `${q.name} writes: run it with write() or in a transaction`);
    const cache = this.cache;
    const options = this.signal ? { signal: this.signal } : undefined;
    if (cache && this.requestId !== undefined && q.name !== 'dataVersion') {
      const key = cacheKey(q.name, params);
      const signal = this.signal;
      const load = () =>
        this.store.read(q.text, params, q.name, options).catch((e: unknown) => {
          if (signal?.aborted && e === signal.reason && typeof e === 'object' && e !== null) endedWithItsRequest.add(e);
          throw e;
        });
      return this.timed(q.name, 'READ', async () => {
        const version = await this.requestVersion();
        for (;;) {
          try {
            // A copy of the cached array: a caller may sort or extend its rows (the row objects are shared).
            return (await cache.rows(key, version, load)).slice();
          } catch (e) {
            // A read in flight is shared: ended with the request that sent it (its deadline, its client
            // gone), it rejects with that request's reason. Not this one's: this one reads again.
            if (signal?.aborted || !endedWithItsRequest.has(e as object)) throw e;
          }
        }
      });
    }
    return this.timed(q.name, 'READ', () => this.store.read(q.text, params, q.name, options));
  }

  private requestVersion(): Promise<string> {
    this.version ??= this.currentVersion();
    return this.version;
  }

  /** The data version: the store's count of writes where it keeps one, else read from the graph. */
  private async currentVersion(): Promise<string> {
    const seen = this.store.writesSeen;
    const graph = seen ? `w${seen()}` : await this.probe.current();
    return `${graph}.${this.writes.count}`;
  }

  write<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
  write<P, R>(query: QueryHandle<P, R>, params: NoInfer<P>): Promise<R[]>;
  write(query: AnyQueryHandle, params: Params = {}): Promise<unknown[]> {
    const q = this.resolve(query);
    this.writes.count += 1;
    return this.timed(q.name, 'WRITE', () => this.store.write(q.text, params, q.name)).then(async (rows) => {
      await this.recordCommit();
      return rows;
    });
  }

  /** After a commit, the store's record of it where it keeps one (commitMarker.ts). */
  private async recordCommit(): Promise<void> {
    const file = this.store.commitMarkerFile;
    if (file) await recordCommit(this, file);
  }

  /**
   * Runs several named writes in one transaction: all of them land or none does. Its last statement
   * bumps the graph's data version (`bumpDataVersion`), the signal derived caches are keyed on.
   */
  async transaction<T>(tag: string, work: (tx: NamedTransaction) => Promise<T>): Promise<T> {
    this.writes.count += 1;
    const result = await this.store.transaction(async (tx) => {
      const run = (query: AnyQueryHandle, params: Params = {}) => {
        const q = this.resolve(query);
        return this.timed(q.name, 'WRITE', () => tx.run(q.text, params, q.name));
      };
      const result = await work({ run } as NamedTransaction);
      await run(bumpDataVersion, { at: new Date().toISOString() });
      return result;
    }, tag);
    await this.recordCommit();
    return result;
  }

  /**
   * `work` that is not a store call (the model's fit in its worker, say) bounded by this request's
   * signal like the store calls are: it rejects with the signal's reason (TIMEOUT at the deadline) as
   * soon as the request ends, while the work itself goes on for whoever else shares it.
   */
  withinRequest<T>(work: Promise<T>): Promise<T> {
    return this.signal ? untilAborted(work, this.signal) : work;
  }

  /**
   * The data version derived caches are keyed on: the graph's (see `transaction`), or the store's
   * count of writes where it keeps one (`GraphStore.writesSeen`), plus this process's own write counter.
   */
  async dataVersion(): Promise<string> {
    if (this.cache && this.requestId !== undefined) return this.requestVersion();
    const seen = this.store.writesSeen;
    if (seen) return `w${seen()}.${this.writes.count}`;
    const [row] = await this.read(dataVersion);
    return `${row?.version ?? 0}.${this.writes.count}`;
  }
}

/** The graph's data version, read from the graph (`cypher/dataVersion.cypher`). */
async function graphVersion(store: GraphStore, registry: CypherRegistry): Promise<string> {
  const q = registry.get(dataVersion.name);
  const [row] = await store.read(q.text, {}, q.name);
  return String((row as { version?: number } | undefined)?.version ?? 0);
}

/**
 * `work`, or `signal.reason` as soon as the signal is aborted, whichever comes first: a store call
 * that hangs (Neo4j's driver waiting for a connection or retrying after the server went away) ends
 * the request at its deadline, not when the driver gives up. The call itself goes on (its outcome is
 * ignored) until the driver's own timeouts end it; a read shared through the read cache is not cut
 * short for the other requests waiting on it.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}
