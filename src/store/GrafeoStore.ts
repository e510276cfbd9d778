/**
 * The embedded store: Grafeo, in-process, on a file under DATA_DIR (or in memory for tests).
 * It is the default so that `npm start` and `npm test` need no server.
 */
import grafeo from '@grafeo-db/js';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GraphStore, Params, ReadOptions, Row, StoreHealth, StoreTransaction } from './GraphStore.js';
import { normaliseRow } from './normaliseValue.js';
import { StoreLockedError, StoreQueryError, StoreUnavailableError } from '../errors/index.js';

type Db = InstanceType<typeof grafeo.GrafeoDB>;
type Result = {
  readonly length: number;
  get(index: number): Record<string, unknown>;
  toArray(): Record<string, unknown>[];
};
type Runner = { executeCypher(q: string, p?: unknown): Promise<Result> };

/**
 * Rows converted to JS (and normalised) per turn of the event loop. The query runs off the main
 * thread, but turning its result into JS objects runs on it: 15,000 rows took 150 ms in one piece,
 * during which nothing else (not even /healthz) was answered. In slices of this many rows (a few ms
 * each) with a `setImmediate` between them, other requests interleave.
 */
export const ROWS_PER_SLICE = 1000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface GrafeoStoreOptions {
  /** Database file; omit for an in-memory store (tests). */
  path?: string;
  /**
   * Return the rows of every query without ORDER BY in random order (default false): the tests
   * turn it on to catch code that depends on an order no query promises.
   */
  shuffleUnordered?: boolean;
  /**
   * Open an existing file read-only, under a shared lock (default false): several processes may
   * read one file at once (the server after its start, exports beside it), none may write it.
   */
  readOnly?: boolean;
}

export class GrafeoStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private closed = false;
  private writes = 0;

  private constructor(
    private readonly db: Db,
    readonly path: string | undefined,
    readonly readOnly = false,
  ) {}

  /**
   * Opens (or creates) the database. Throws `StoreLockedError` when another process holds the file
   * (a running server: it keeps a shared lock, so only another read-only open succeeds), and
   * `StoreUnavailableError` when it cannot be read, or does not exist yet for a read-only open.
   */
  static open(options: GrafeoStoreOptions = {}): GrafeoStore {
    const { path, shuffleUnordered = false, readOnly = false } = options;
    if (readOnly && (!path || !existsSync(path)))
      throw new StoreUnavailableError(
        'embedded',
        `there is no graph at ${path ?? 'an in-memory database'} yet: start the server once (npm start) or load the seed (npm run seed)`,
      );
    try {
      if (!path) return new GrafeoStore(grafeo.GrafeoDB.create(undefined, { shuffleUnordered }), undefined);
      if (readOnly) return new GrafeoStore(grafeo.GrafeoDB.openReadOnly(path), path, true);
      mkdirSync(dirname(path), { recursive: true });
      const db = existsSync(path) ? grafeo.GrafeoDB.open(path) : grafeo.GrafeoDB.create(path);
      return new GrafeoStore(db, path);
    } catch (e) {
      const msg = (e as Error).message;
      if (/lock/i.test(msg)) throw new StoreLockedError(path!, readOnly, e);
      throw new StoreUnavailableError('embedded', `cannot open ${path ?? 'in-memory database'}: ${msg}`, e);
    }
  }

  private async exec(runner: Runner, text: string, params: Params, tag: string): Promise<Row[]> {
    if (this.closed) throw new StoreUnavailableError('embedded', 'the store is closed');
    let result;
    try {
      result = await runner.executeCypher(text, params);
    } catch (e) {
      throw new StoreQueryError(tag, (e as Error).message.split('\n')[0] ?? 'unknown error', e);
    }
    const n = result.length;
    if (n <= ROWS_PER_SLICE) return result.toArray().map(normaliseRow);
    const rows: Row[] = new Array<Row>(n);
    for (let start = 0; start < n; start += ROWS_PER_SLICE) {
      if (start > 0) await nextTurn();
      const end = Math.min(n, start + ROWS_PER_SLICE);
      for (let i = start; i < end; i++) rows[i] = normaliseRow(result.get(i));
    }
    return rows;
  }

  read(text: string, params: Params, tag: string, options?: ReadOptions): Promise<Row[]> {
    if (options?.signal?.aborted) return Promise.reject(options.signal.reason);
    return this.exec(this.db, text, params, tag);
  }

  async write(text: string, params: Params, tag: string): Promise<Row[]> {
    this.assertWritable();
    // Counted once it has landed (or failed): a request that read the count before sees the data before.
    return this.exec(this.db, text, params, tag).finally(() => {
      this.writes += 1;
    });
  }

  /**
   * The file is locked by this process: every change to the data goes through `write` or `transaction`
   * (or, opened read-only under a shared lock, nothing changes it: no process may write it meanwhile).
   */
  readonly writesSeen = (): number => this.writes;

  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>, tag: string): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('embedded', 'the store is closed');
    this.assertWritable();
    const tx = this.db.beginTransaction();
    try {
      const result = await work({ run: (text, params, t) => this.exec(tx, text, params, t ?? tag) });
      tx.commit();
      return result;
    } catch (e) {
      if (tx.isActive) tx.rollback();
      throw e;
    } finally {
      this.writes += 1;
    }
  }

  private assertWritable(): void {
    if (this.readOnly) throw new StoreUnavailableError('embedded', `${this.path} is open read-only`);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.read('RETURN 1 AS ok', {}, 'health');
      return { ok: true, store: 'embedded', detail: this.path ?? 'in-memory' };
    } catch (e) {
      return { ok: false, store: 'embedded', detail: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
