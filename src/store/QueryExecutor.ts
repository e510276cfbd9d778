/**
 * Runs named queries from the registry against whichever store is configured. The one executor
 * both stores go through: it tags each call with the query's name, times it, logs it, and tells
 * its observers (round-trip counters, the test that checks every file is executed and that every
 * row matches its file's declared columns).
 *
 * Calls name a typed handle from `queries.gen.ts` (`executor.read(q.statesByCcodes, {ccodes})`):
 * the parameters and the rows are typed from the Cypher file's header.
 */
import type { Logger } from 'pino';
import type { CypherRegistry } from './CypherRegistry.js';
import type { GraphStore, Params, Row } from './GraphStore.js';
import type { QueryHandle } from './QueryHandle.js';
import { bumpDataVersion, dataVersion } from './queries.gen.js';
import { invariant } from '../errors/index.js';

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

/** A query by typed handle, or (scripts, tests) by file name. */
export type QueryRef<P, R> = QueryHandle<P, R> | string;

/** The transaction-scoped view handed to `executor.transaction(work)`. */
export interface NamedTransaction {
  run<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
  run<P, R>(query: QueryHandle<P, R>, params: P): Promise<R[]>;
  run<R = Row>(query: string, params?: Params): Promise<R[]>;
}

export class QueryExecutor {
  constructor(
    readonly store: GraphStore,
    readonly registry: CypherRegistry,
    private readonly logger?: Logger,
    private readonly observers: QueryObserver[] = [],
    private readonly requestId?: string,
    private readonly writes: { count: number } = { count: 0 },
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * A child executor for one request: same store, its own request id and extra observers. Once
   * `signal` is aborted (the request's deadline passed, or the client went away) no further store
   * call starts: each throws `signal.reason`.
   */
  forRequest(requestId: string, observers: QueryObserver[] = [], signal?: AbortSignal): QueryExecutor {
    return new QueryExecutor(this.store, this.registry, this.logger?.child({ requestId }), [...this.observers, ...observers], requestId, this.writes, signal);
  }

  /** How many writes this executor and its children have made: part of the key of derived caches. */
  get writeVersion(): number { return this.writes.count; }

  private notify(event: QueryEvent): void {
    for (const o of this.observers) o(event);
    this.logger?.debug({ query: event.name, mode: event.mode, ms: Math.round(event.ms * 10) / 10, rows: event.rows, ok: event.ok }, 'cypher');
  }

  private async timed<R>(name: string, mode: 'READ' | 'WRITE', run: () => Promise<Row[]>): Promise<R[]> {
    if (this.signal?.aborted) throw this.signal.reason;
    const t0 = performance.now();
    try {
      const rows = await run();
      this.notify({ name, mode, ms: performance.now() - t0, rows: rows.length, ok: true, requestId: this.requestId, result: rows });
      return rows as R[];
    } catch (e) {
      this.notify({ name, mode, ms: performance.now() - t0, rows: 0, ok: false, requestId: this.requestId });
      throw e;
    }
  }

  private resolve(query: QueryRef<unknown, unknown>) {
    return this.registry.get(typeof query === 'string' ? query : query.name);
  }

  read<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
  read<P, R>(query: QueryHandle<P, R>, params: P): Promise<R[]>;
  read<R = Row>(query: string, params?: Params): Promise<R[]>;
  read(query: QueryRef<unknown, unknown>, params: unknown = {}): Promise<unknown[]> {
    const q = this.resolve(query);
    invariant(q.mode !== 'WRITE', `${q.name} writes: run it with write() or in a transaction`);
    return this.timed(q.name, 'READ', () => this.store.read(q.text, params as Params, q.name));
  }

  write<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
  write<P, R>(query: QueryHandle<P, R>, params: P): Promise<R[]>;
  write<R = Row>(query: string, params?: Params): Promise<R[]>;
  write(query: QueryRef<unknown, unknown>, params: unknown = {}): Promise<unknown[]> {
    const q = this.resolve(query);
    this.writes.count += 1;
    return this.timed(q.name, 'WRITE', () => this.store.write(q.text, params as Params, q.name));
  }

  /**
   * Runs several named writes in one transaction: all of them land or none does. Its last statement
   * bumps the graph's data version (`bumpDataVersion`), the signal derived caches are keyed on.
   */
  transaction<T>(tag: string, work: (tx: NamedTransaction) => Promise<T>): Promise<T> {
    this.writes.count += 1;
    return this.store.transaction(async (tx) => {
      const run = (query: QueryRef<unknown, unknown>, params: unknown = {}) => {
        const q = this.resolve(query);
        return this.timed(q.name, 'WRITE', () => tx.run(q.text, params as Params, q.name));
      };
      const result = await work({ run } as NamedTransaction);
      await run(bumpDataVersion, { at: new Date().toISOString() });
      return result;
    }, tag);
  }

  /** The graph's data version (see `transaction`), plus this process's own write counter. */
  async dataVersion(): Promise<string> {
    const [row] = await this.read(dataVersion);
    return `${row?.version ?? 0}.${this.writes.count}`;
  }
}
