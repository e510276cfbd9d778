/**
 * Runs named queries from the registry against whichever store is configured. The one executor
 * both stores go through: it tags each call with the query's name, times it, logs it, and tells
 * its observers (round-trip counters, the test that checks every file is executed).
 */
import type { Logger } from 'pino';
import type { CypherRegistry } from './CypherRegistry.js';
import type { GraphStore, Params, Row } from './GraphStore.js';

export interface QueryEvent {
  name: string;
  mode: 'READ' | 'WRITE';
  ms: number;
  rows: number;
  ok: boolean;
  requestId?: string;
}

export type QueryObserver = (event: QueryEvent) => void;

/** The transaction-scoped view handed to `executor.transaction(work)`. */
export interface NamedTransaction {
  run<R = Row>(name: string, params?: Params): Promise<R[]>;
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
      this.notify({ name, mode, ms: performance.now() - t0, rows: rows.length, ok: true, requestId: this.requestId });
      return rows as R[];
    } catch (e) {
      this.notify({ name, mode, ms: performance.now() - t0, rows: 0, ok: false, requestId: this.requestId });
      throw e;
    }
  }

  read<R = Row>(name: string, params: Params = {}): Promise<R[]> {
    const q = this.registry.get(name);
    return this.timed<R>(name, 'READ', () => this.store.read(q.text, params, name));
  }

  write<R = Row>(name: string, params: Params = {}): Promise<R[]> {
    const q = this.registry.get(name);
    this.writes.count += 1;
    return this.timed<R>(name, 'WRITE', () => this.store.write(q.text, params, name));
  }

  /** Runs several named writes in one transaction: all of them land or none does. */
  transaction<T>(tag: string, work: (tx: NamedTransaction) => Promise<T>): Promise<T> {
    this.writes.count += 1;
    return this.store.transaction(
      (tx) => work({
        run: <R = Row>(name: string, params: Params = {}) => {
          const q = this.registry.get(name);
          return this.timed<R>(name, 'WRITE', () => tx.run(q.text, params, name));
        },
      }),
      tag,
    );
  }
}
