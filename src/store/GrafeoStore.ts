/**
 * The embedded store: Grafeo, in-process, on a file under DATA_DIR (or in memory for tests).
 * It is the default so that `npm start` and `npm test` need no server.
 */
import grafeo from '@grafeo-db/js';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  BulkRelationship,
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
import { StoreLockedError, StoreQueryError, StoreUnavailableError } from '../errors/index.js';
import { nextTurn, REQUEST_SLICE_MS, sinceTurn } from '../pacer.js';

type Db = InstanceType<typeof grafeo.GrafeoDB>;
type Result = {
  readonly length: number;
  get(index: number): Record<string, unknown>;
  toArray(): Record<string, unknown>[];
};
type Runner = { executeCypher(q: string, p?: unknown): Promise<Result> };

/**
 * The query runs off the main thread, but turning its result into JS objects runs on it, and costs
 * about 50 µs a row for rows holding maps and lists (2,500 memberships took 130 ms in one piece, during
 * which nothing else, not even /healthz, was answered). Up to SMALL_RESULT rows convert in one call;
 * a larger result converts row by row, giving the event loop a turn whenever the slice of work the
 * requests share (src/pacer.ts) is spent.
 */
const SMALL_RESULT = 32;
/** Rows converted between two looks at the clock. */
const ROWS_PER_CHECK = 8;
/** Nodes or relationships per call of Grafeo's batch API (one transaction each). */
const BULK_BATCH = 20_000;

/** Properties for Grafeo's batch API: dates in its tagged form (`{ $date }`), nulls left out. */
function bulkProps(props: Row, dates: readonly string[]): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' && dates.includes(k) ? { $date: v } : v;
  }
  return out;
}

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

/**
 * Why a database file would not open, by Grafeo's error code (`GRAFEO-…` in its message), not by
 * words in it: a damaged file's message names a "directory block", which a match on /lock/i took
 * for a lock held by another process. The file lock is reported as an internal error (GRAFEO-X001)
 * whose text says the file "cannot be locked" or "is locked by another process"; a damaged or truncated file as GRAFEO-S002 (S001,
 * S003: other storage errors).
 */
export function openFailure(message: string): 'locked' | 'damaged' | undefined {
  const code = /\bGRAFEO-([A-Z]\d{3})\b/.exec(message)?.[1];
  if (code === 'X001' && /\b(?:cannot be locked|locked by another process)\b/.test(message)) return 'locked';
  if (code?.startsWith('S')) return 'damaged';
  return undefined;
}

const DAMAGED_HINT =
  ' (the file is damaged or truncated: restore it from a backup, or move it away and start again to re-import the published data sets)';

export class GrafeoStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private closed = false;
  private writes = 0;

  private constructor(
    private readonly db: Db,
    readonly path: string | undefined,
    readonly readOnly = false,
  ) {}

  /** The file whose commits are recorded beside it (commitMarker.ts); none in memory. */
  get commitMarkerFile(): string | undefined {
    return this.path;
  }

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
      const failure = openFailure(msg);
      if (failure === 'locked') throw new StoreLockedError(path!, readOnly, e);
      const hint = failure === 'damaged' ? DAMAGED_HINT : '';
      throw new StoreUnavailableError('embedded', `cannot open ${path ?? 'in-memory database'}${hint}: ${msg}`, e);
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
    if (n <= SMALL_RESULT) return result.toArray().map(normaliseRow);
    const rows: Row[] = new Array<Row>(n);
    for (let i = 0; i < n; i++) {
      if (i % ROWS_PER_CHECK === 0 && sinceTurn() > REQUEST_SLICE_MS) await nextTurn();
      rows[i] = normaliseRow(result.get(i));
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
      // The first error is the one to report: after a failed commit (ENOSPC on a full disk) the
      // rollback fails too ("GRAFEO-T004 … No active transaction"), and throwing that hid the cause.
      try {
        if (tx.isActive) tx.rollback();
      } catch (rollbackError) {
        if (e instanceof Error && e.cause === undefined) (e as { cause?: unknown }).cause = rollbackError;
      }
      throw e;
    } finally {
      this.writes += 1;
    }
  }

  /** The bulk path (see `BulkWriter`): Grafeo's batch calls, each one transaction. */
  readonly bulk: BulkWriter = {
    createNodes: async (nodes, dates: DateKeys) => {
      this.assertOpenForBulk();
      const out = new Array<NodeHandle>(nodes.length);
      const byLabel = new Map<string, number[]>();
      nodes.forEach((n, i) => {
        const list = byLabel.get(n.label);
        if (list) list.push(i);
        else byLabel.set(n.label, [i]);
      });
      try {
        for (const [label, indexes] of byLabel) {
          const keys = dates(label);
          for (let i = 0; i < indexes.length; i += BULK_BATCH) {
            const part = indexes.slice(i, i + BULK_BATCH);
            const ids = await this.db.batchCreateNodesWithProps(
              label,
              part.map((j) => bulkProps(nodes[j]!.props, keys)),
            );
            part.forEach((j, k) => (out[j] = ids[k]!));
          }
        }
      } catch (e) {
        throw new StoreQueryError('bulk', (e as Error).message.split('\n')[0] ?? 'unknown error', e);
      } finally {
        this.writes += 1;
      }
      return out;
    },
    createRelationships: async (relationships: readonly BulkRelationship[], dates: DateKeys) => {
      this.assertOpenForBulk();
      try {
        for (let i = 0; i < relationships.length; i += BULK_BATCH) {
          await this.db.batchCreateEdges(
            relationships.slice(i, i + BULK_BATCH).map((r) => ({
              src: r.from as number,
              dst: r.to as number,
              type: r.type,
              properties: bulkProps(r.props, dates(r.type)),
            })),
          );
        }
      } catch (e) {
        throw new StoreQueryError('bulk', (e as Error).message.split('\n')[0] ?? 'unknown error', e);
      } finally {
        this.writes += 1;
      }
    },
  };

  private assertOpenForBulk(): void {
    if (this.closed) throw new StoreUnavailableError('embedded', 'the store is closed');
    this.assertWritable();
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
