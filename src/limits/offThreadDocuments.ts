/**
 * Large GraphQL documents are parsed and validated off the main thread. graphql-js does both in one
 * synchronous stretch: a 1,000-alias document held the event loop 100–200 ms (issue 28: parse
 * 27–60 ms, validation 66–167 ms; 155–370 ms together here under a load average of 14), and every new
 * such document (a different alias, a space) costs that again. Only when MAX_TOKENS is raised past
 * MAIN_THREAD_TOKENS (below): up to it, the parser stops soon enough on the main thread.
 *
 * How: Apollo Server awaits every plugin's `didResolveSource`, then looks the document up in its
 * document store by the SHA-256 of the text, and a document found there is neither parsed nor
 * validated again. This plugin, for a document longer than `fromChars` (LOCATION_FREE_FROM), sends
 * the text to a worker from a small piscina pool (./documentWorker.ts: the same schema, parse options
 * and rules, ./documentChecks.ts) and puts the verdict in the store it gives Apollo:
 *
 * - valid: the document (without locations: past LOCATION_FREE_FROM execution errors carry none
 *   anyway), and the cost of each operation without variables, which useCostLimit then need not
 *   walk the document for;
 * - refused: a stand-in document with no definitions; `didResolveOperation` throws the first of the
 *   errors and `didEncounterErrors` puts the others beside it, rebuilt as the objects Apollo's own
 *   parse or validation would have given (code, message, locations, the AppError of our rules):
 *   Apollo then formats them, sets the status (400) and runs the other plugins as it does today.
 *
 * Both verdicts stay in the store (a least-recently-used cache of about `cacheBytes`, as Apollo's own
 * is by default; smaller documents, checked on the main thread as before, are kept there too): the
 * same text is not checked twice. A request whose deadline passes while its document waits in the
 * queue or is being checked is refused with TIMEOUT (the worker checking it is stopped and replaced);
 * with `maxQueue` documents waiting, more are refused with TOO_MANY_REQUESTS (429, Retry-After).
 * Such a refusal belongs to its request, not to the text: the store hands that request a marker
 * document, never kept. A worker that fails is replaced by piscina and the document it was checking
 * is checked on the main thread, as before; after three failures in a row, all are (logged).
 *
 * Smaller documents stay on the main thread: below about 16,000 characters parsing and validating
 * take a few milliseconds, about what a round trip to the worker costs.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { HeaderMap, type ApolloServerOptions, type ApolloServerPlugin } from '@apollo/server';
import { AppError, TooManyRequestsError } from '../errors/index.js';
import type { Deadline } from './deadline.js';
import type { DocumentTask, DocumentTaskResult, DocumentWorkerData } from './documentWorker.js';
import type { WireError } from './documentChecks.js';
import { LOCATION_FREE_FROM } from './locations.js';
import { rememberCost } from './useCostLimit.js';

type DocumentStore = NonNullable<ApolloServerOptions<never>['documentStore']>;

export interface OffThreadOptions extends DocumentWorkerData {
  /** Documents longer than this many characters are checked in a worker (default LOCATION_FREE_FROM, also the least). */
  fromChars?: number;
  /** Worker threads (DOCUMENT_WORKERS, default 1). */
  threads?: number;
  /** Documents that may wait for a worker (DOCUMENT_QUEUE, default 16); more are refused with 429. */
  maxQueue?: number;
  /** About how many bytes of checked documents the store keeps (default 30 MiB, as Apollo's default store). */
  cacheBytes?: number;
  /** Retry-After of a refusal for a full queue, in seconds (default 2). */
  retryAfter?: number;
  /** Told of a worker that failed (the document is then checked on the main thread, as a small one is). */
  onWorkerError?: (e: unknown) => void;
}

/**
 * The parser reads at most MAX_TOKENS tokens of any document. Up to this many (the default), parsing
 * and validating the largest document a client can send took 25–40 ms on this machine under load
 * (a load average of 14): under the 50 ms a turn of the event loop may take, so no worker is needed
 * and none is started. Past it, a document over 16,000 characters goes to the worker.
 */
export const MAIN_THREAD_TOKENS = 5000;

/** Workers that fail this many times in a row without a check done turn off-thread checking off. */
const FAILURES_BEFORE_GIVING_UP = 3;

/** Apollo keys the store by a prefix (the schema's hash) and the SHA-256 of the text: the text's part is the key here. */
const textHash = (key: string): string => key.slice(key.lastIndexOf(':') + 1);

/** What the store gives a request whose own check was refused (deadline, queue, worker): never kept. */
const REFUSED_FOR_THIS_REQUEST: DocumentNode = Object.freeze({ kind: Kind.DOCUMENT, definitions: [] });

/** A least-recently-used map bounded by the bytes its entries declare. */
class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  delete(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    this.entries.delete(key);
    this.bytes -= e.bytes;
    return true;
  }
}

/**
 * The worker's module: from dist/, the compiled ./documentWorker.js; from the sources (tsx, vitest),
 * ./documentWorker.boot.mjs, which registers tsx's loader in the worker first.
 */
const workerModule = (): string =>
  fileURLToPath(
    new URL(import.meta.url.endsWith('.ts') ? './documentWorker.boot.mjs' : './documentWorker.js', import.meta.url),
  );

export class OffThreadDocuments {
  /** Give this to Apollo as its `documentStore`. */
  readonly store: DocumentStore;
  /** Documents checked in a worker so far (valid or not). */
  checkedOffThread = 0;
  readonly fromChars: number;
  private pool: Piscina<DocumentTask, DocumentTaskResult> | undefined;
  private readonly cache: ByteLru<DocumentNode>;
  /** The errors behind each stand-in document of a refused text. */
  private readonly refusals = new WeakMap<DocumentNode, WireError[]>();
  /** Requests whose own check was refused, by text hash, until Apollo has asked the store. */
  private readonly refusedNow = new Map<string, number>();
  private failures = 0;

  constructor(private readonly options: OffThreadOptions) {
    this.fromChars = Math.max(options.fromChars ?? LOCATION_FREE_FROM, LOCATION_FREE_FROM);
    this.cache = new ByteLru(options.cacheBytes ?? 30 * 2 ** 20);
    this.store = {
      get: async (key) => {
        const hash = textHash(key);
        return this.cache.get(hash) ?? (this.refusedNow.get(hash) ? REFUSED_FOR_THIS_REQUEST : undefined);
      },
      // What Apollo validated on the main thread; sized as Apollo's own store sizes it.
      set: async (key, document) => this.cache.set(textHash(key), document, JSON.stringify(document).length),
      delete: async (key) => this.cache.delete(textHash(key)),
    };
  }

  /**
   * Starts the workers now rather than on the first large document (each builds the schema: ~1 s from
   * dist/, seconds from the sources). The server does not: a start that never sees a large document
   * starts no worker, and the first large document waits for one within its deadline.
   */
  warm(): void {
    this.workers();
  }

  /** The pool, started by `warm` or the first large document; undefined once workers kept failing. */
  private workers(): Piscina<DocumentTask, DocumentTaskResult> | undefined {
    if (this.failures >= FAILURES_BEFORE_GIVING_UP) return undefined;
    if (!this.pool) {
      const threads = this.options.threads ?? 1;
      const { schemaModule, limits, introspection, hideSchemaDetails } = this.options;
      this.pool = new Piscina<DocumentTask, DocumentTaskResult>({
        filename: workerModule(),
        minThreads: threads,
        maxThreads: threads,
        maxQueue: this.options.maxQueue ?? 16,
        idleTimeout: Infinity,
        workerData: { schemaModule, limits, introspection, hideSchemaDetails } satisfies DocumentWorkerData,
        // About the main thread's stack (V8's 984 KB): a document nested too deeply for the main
        // thread's parser is too deep here as well.
        resourceLimits: { stackSizeMb: 1.15 },
      });
      // A worker that fails outside a task (at start): piscina replaces it; an unheard 'error' would end the process.
      this.pool.on('error', (e: unknown) => this.failed(e));
    }
    return this.pool;
  }

  private failed(e: unknown): void {
    this.failures += 1;
    this.options.onWorkerError?.(e);
    if (this.failures >= FAILURES_BEFORE_GIVING_UP) void this.close();
  }

  /**
   * Checks `source` in a worker and keeps the verdict under `hash`; throws what refuses this request.
   * Without a verdict (no worker, or the worker failed) Apollo checks the document itself.
   */
  private async check(source: string, hash: string, deadline: Deadline | undefined): Promise<void> {
    const pool = this.workers();
    if (!pool) return;
    if (pool.queueSize >= pool.options.maxQueue)
      throw new TooManyRequestsError(
        'large documents waiting to be checked',
        pool.options.maxQueue,
        this.options.retryAfter ?? 2,
        'DOCUMENT_QUEUE',
      );
    let verdict: DocumentTaskResult;
    try {
      verdict = await pool.run({ source }, { signal: deadline?.signal });
    } catch (e) {
      if (deadline?.signal.aborted) throw deadline.signal.reason;
      this.failed(e);
      return;
    }
    this.failures = 0;
    this.checkedOffThread += 1;
    if (verdict.ok) {
      verdict.document.definitions.forEach((d, i) => {
        const cost = verdict.costs[i];
        if (cost != null) rememberCost(d as OperationDefinitionNode, cost);
      });
      this.cache.set(hash, verdict.document, verdict.bytes);
    } else {
      const standIn: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
      this.refusals.set(standIn, verdict.errors);
      this.cache.set(hash, standIn, verdict.bytes);
    }
  }

  /** The Apollo plugin; list it first, so that its refusal is the one Apollo reports. */
  plugin(): ApolloServerPlugin<{ deadline?: Deadline }> {
    return {
      serverWillStart: async () => ({ serverWillStop: () => this.close() }),
      requestDidStart: async ({ contextValue }) => {
        let refusal: unknown;
        let refusedHash: string | undefined;
        let rebuilt: GraphQLError[] | undefined;
        const settle = () => {
          if (refusedHash === undefined) return;
          const n = (this.refusedNow.get(refusedHash) ?? 1) - 1;
          if (n > 0) this.refusedNow.set(refusedHash, n);
          else this.refusedNow.delete(refusedHash);
          refusedHash = undefined;
        };
        return {
          didResolveSource: async ({ source, queryHash }) => {
            if (source.length <= this.fromChars || this.cache.get(queryHash)) return;
            try {
              await this.check(source, queryHash, contextValue.deadline);
            } catch (e) {
              refusal = e;
              refusedHash = queryHash;
              this.refusedNow.set(queryHash, (this.refusedNow.get(queryHash) ?? 0) + 1);
            }
          },
          didResolveOperation: async ({ document }) => {
            settle();
            if (refusal !== undefined) throw refusal;
            const errors = this.refusals.get(document);
            if (errors) {
              rebuilt = errors.map(rebuild);
              throw rebuilt[0];
            }
          },
          didEncounterErrors: async ({ errors }) => {
            // Apollo reports the one error thrown above: the others go beside it, before formatting.
            if (rebuilt && errors.length === 1 && errors[0] === rebuilt[0])
              (errors as GraphQLError[]).push(...rebuilt.slice(1));
          },
          willSendResponse: async () => settle(),
        };
      },
    };
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}

/** The error Apollo's SyntaxError or ValidationError would have been, from its plain-data form. */
function rebuild(w: WireError): GraphQLError {
  const cause = w.cause ? new AppError(w.cause) : undefined;
  const e = new GraphQLError(w.message, {
    originalError: cause,
    extensions: { http: { status: 400, headers: new HeaderMap() }, ...w.extensions },
  });
  if (w.locations) (e as { locations?: unknown }).locations = w.locations;
  return e;
}
