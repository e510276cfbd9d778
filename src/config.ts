/**
 * Configuration from the environment, read once. Every option, with its default:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | PORT | 4000 | HTTP port |
 * | HOST | 127.0.0.1 | interface to listen on |
 * | STORE | embedded | `embedded` (Grafeo file) or `neo4j` |
 * | DATA_DIR | ./data | where the embedded store keeps its file (`alliance.grafeo`) |
 * | NEO4J_URI | neo4j://localhost:7687 | bolt:// or neo4j:// (routing, cluster, Aura) |
 * | NEO4J_USER | neo4j | |
 * | NEO4J_PASSWORD | (none) | required with STORE=neo4j |
 * | NEO4J_DATABASE | (server default) | |
 * | MAX_DEPTH | 8 | deepest selection set accepted |
 * | MAX_COST | 25000 | largest estimated query cost accepted |
 * | MAX_PAGE_SIZE | 100 | largest `first` accepted on a connection |
 * | MAX_ALIASES | 30 | most aliased fields in one document (fragments counted once each) |
 * | MAX_TOKENS | 5000 | most lexical tokens in one document (parsing stops there) |
 * | MAX_DIRECTIVES | 50 | most directives (`@include`, `@skip` ...) in one document |
 * | MAX_OPERATIONS | 20 | most operation definitions in one document |
 * | MAX_LIST_LENGTH | 250 | most items in one list of a request's variables (above the 217 states the COW system has ever had: every list argument names states, or one entry per party); longer: `BAD_USER_INPUT` (HTTP 400) before the variables are coerced |
 * | REQUEST_TIMEOUT_MS | 10000 | deadline of one GraphQL request or export: past it no further store call starts and the request ends with `TIMEOUT` (HTTP 503) |
 * | MAX_RESPONSE_NODES | 100000 | most nodes (fields and list items) one GraphQL result may hold: past it the request stops with `RESPONSE_TOO_LARGE` (HTTP 400) |
 * | MAX_RESPONSE_BYTES | 10000000 | most bytes (about: keys and string values) one GraphQL result may hold, likewise |
 * | READ_CACHE_MB | 64 | megabytes (about) of store rows the server's requests share by data version; least recently used dropped past it (`/metrics` shows what it holds) |
 * | RESULT_CACHE_MB | 32 | megabytes (about) of scored outside options shared likewise |
 * | MAX_HEAP_SHARE | 0.75 | share of V8's heap limit (`node --max-old-space-size`) the server may use: over it GraphQL operations are refused and running ones stop, `OVERLOADED` (HTTP 503, `Retry-After`) |
 * | EXPENSIVE_COST | 2000 | estimated cost from which a GraphQL operation counts as expensive |
 * | MAX_CONCURRENT_EXPENSIVE | 2 | expensive operations run at once; more get HTTP 429 `TOO_MANY_REQUESTS` with `Retry-After` |
 * | STORE_CONCURRENCY | 4 | store calls GraphQL requests run at once, shared round-robin between requests (keeps /healthz answering while heavy requests run) |
 * | READ_CACHE | true | `true` or `false`: requests share the rows of their reads by data version (`false`: every request reads the store) |
 * | DOCUMENT_WORKERS | 1 | worker threads that parse and validate GraphQL documents longer than 16,000 characters off the main thread when MAX_TOKENS is raised past its default 5,000 (up to it, or with `0`, every document is checked on the main thread); started by the first such document, each holds a copy of the schema |
 * | DOCUMENT_QUEUE | 16 | such documents that may wait for a worker; more get HTTP 429 `TOO_MANY_REQUESTS` with `Retry-After`. One still waiting or being checked at its deadline gets `TIMEOUT` (HTTP 503) |
 * | MAX_CONCURRENT_EXPORTS | 1 | `/export/*` requests run at once; more get HTTP 429 with `Retry-After` |
 * | INTROSPECTION | true | `true` or `false`: answer `__schema`/`__type` queries (the explorer needs it) |
 * | CORS_ORIGINS | (none) | comma-separated origins (`https://notebook.example.org,http://localhost:8888`) allowed to read `/graphql` and `/export/*` from a browser page; `*` allows any. Exports refuse other cross-site requests |
 * | DEV_ERRORS | (unset) | `1`: masked internal errors carry their class and first line (never a stack or path). Also on when NODE_ENV=development; unset NODE_ENV means production behaviour |
 * | DATA_SETS | all | the published data sets `serve` imports from `seed/published/` into the store at start (`all`, `none`, or a comma-separated list of `atop`, `cow-states`, `nmc`, `mid`, `cow-wars`, `cdb90`, `rivalries`, `threat`); one whose files are already recorded (same sha256) is skipped |
 * | LOG_LEVEL | info | pino level (`silent` to turn off) |
 */
import { isAbsolute, join } from 'node:path';
import { projectRoot } from './paths.js';
import { DATASET_NAMES, type DatasetName } from './domain/index.js';

export interface Config {
  port: number;
  host: string;
  store: 'embedded' | 'neo4j';
  dataDir: string;
  neo4j: { uri: string; user: string; password: string; database?: string };
  limits: Limits;
  server: ServerPolicy;
  logLevel: string;
  /** The published data sets `serve` imports at start (`DATA_SETS`). */
  dataSets: readonly DatasetName[];
}

/** Limits on one request. The first three are required (tests pass them literally); the others default to DEFAULT_LIMITS. */
export interface Limits {
  maxDepth: number;
  maxCost: number;
  maxPageSize: number;
  maxAliases?: number;
  maxTokens?: number;
  maxDirectives?: number;
  maxOperations?: number;
  /** Most items in one list of the variables (every list argument names states, or one entry per party). */
  maxListLength?: number;
  /** Deadline of one request in ms. */
  requestTimeoutMs?: number;
  /** Most nodes (fields and list items) in one GraphQL result. */
  maxResponseNodes?: number;
  /** Most bytes (keys and string values, roughly) in one GraphQL result. */
  maxResponseBytes?: number;
}

export const DEFAULT_LIMITS: Required<Limits> = {
  maxDepth: 8,
  maxCost: 25000,
  maxPageSize: 100,
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 50,
  maxOperations: 20,
  maxListLength: 250,
  requestTimeoutMs: 10_000,
  maxResponseNodes: 100_000,
  maxResponseBytes: 10_000_000,
};

export function withDefaults(limits: Limits): Required<Limits> {
  const out = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(limits)) if (v !== undefined) (out as Record<string, number>)[k] = v as number;
  return out;
}

/** How the HTTP server behaves: concurrency, memory, introspection, CORS, error detail. */
export interface ServerPolicy {
  expensiveCost: number;
  /** Share of V8's heap limit the server may use (0–1]. */
  maxHeapShare: number;
  /** Bytes (about) of rows the read cache keeps (READ_CACHE_MB), and of scored outside options (RESULT_CACHE_MB). */
  readCacheBytes: number;
  resultCacheBytes: number;
  maxConcurrentExpensive: number;
  maxConcurrentExports: number;
  /** Worker threads checking large GraphQL documents (DOCUMENT_WORKERS; 0: none, all on the main thread). */
  documentWorkers: number;
  /** Large documents that may wait for one of them (DOCUMENT_QUEUE). */
  documentQueue: number;
  storeConcurrency: number;
  /** Requests share the rows of their reads by data version (store/QueryExecutor.ts: withReadCache). */
  readCache: boolean;
  introspection: boolean;
  corsOrigins: string[];
  devErrors: boolean;
}

export const DEFAULT_SERVER_POLICY: ServerPolicy = {
  expensiveCost: 2000,
  maxHeapShare: 0.75,
  readCacheBytes: 64 * 2 ** 20, // as DEFAULT_READ_CACHE_BYTES (src/store/QueryExecutor.ts)
  resultCacheBytes: 32 * 2 ** 20,
  maxConcurrentExpensive: 2,
  maxConcurrentExports: 1,
  documentWorkers: 1,
  documentQueue: 16,
  storeConcurrency: 4,
  readCache: true,
  introspection: true,
  corsOrigins: [],
  devErrors: false,
};

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

function origins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      if (o === '*') return o;
      let u: URL;
      try {
        u = new URL(o);
      } catch {
        throw new Error(`CORS_ORIGINS: ${JSON.stringify(o)} is not an origin like https://example.org`);
      }
      if (u.origin === 'null' || u.origin !== o.replace(/\/$/, ''))
        throw new Error(`CORS_ORIGINS: ${JSON.stringify(o)} is not an origin (scheme://host[:port], no path)`);
      return u.origin;
    });
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

/** A share in (0, 1]. */
function share(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0 && n <= 1)) throw new Error(`${name} must be a number above 0 and at most 1, got ${JSON.stringify(raw)}`);
  return n;
}

/** `DATA_SETS`: `all` (default), `none`, or a comma-separated list of data set names. */
export function parseDataSets(raw: string | undefined): readonly DatasetName[] {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'all') return DATASET_NAMES;
  if (v === 'none') return [];
  const names = v
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(DATASET_NAMES as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(
      `DATA_SETS must be all, none or a list of ${DATASET_NAMES.join(', ')}; unknown: ${unknown.join(', ')}`,
    );
  return DATASET_NAMES.filter((n) => names.includes(n));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const store = (env.STORE ?? 'embedded').toLowerCase();
  if (store !== 'embedded' && store !== 'neo4j')
    throw new Error(`STORE must be "embedded" or "neo4j", got ${JSON.stringify(env.STORE)}`);
  const dataDir = env.DATA_DIR ?? 'data';
  return {
    port: int(env, 'PORT', 4000, 0),
    host: env.HOST ?? '127.0.0.1',
    store,
    dataDir: isAbsolute(dataDir) ? dataDir : join(projectRoot, dataDir),
    neo4j: {
      uri: env.NEO4J_URI ?? 'neo4j://localhost:7687',
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
    },
    limits: {
      maxDepth: int(env, 'MAX_DEPTH', 8),
      maxCost: int(env, 'MAX_COST', 25000),
      maxPageSize: int(env, 'MAX_PAGE_SIZE', 100),
      maxAliases: int(env, 'MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxTokens: int(env, 'MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxDirectives: int(env, 'MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives, 0),
      maxOperations: int(env, 'MAX_OPERATIONS', DEFAULT_LIMITS.maxOperations),
      maxListLength: int(env, 'MAX_LIST_LENGTH', DEFAULT_LIMITS.maxListLength),
      requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', DEFAULT_LIMITS.requestTimeoutMs, 100),
      maxResponseNodes: int(env, 'MAX_RESPONSE_NODES', DEFAULT_LIMITS.maxResponseNodes),
      maxResponseBytes: int(env, 'MAX_RESPONSE_BYTES', DEFAULT_LIMITS.maxResponseBytes),
    },
    server: {
      expensiveCost: int(env, 'EXPENSIVE_COST', DEFAULT_SERVER_POLICY.expensiveCost),
      maxHeapShare: share(env, 'MAX_HEAP_SHARE', DEFAULT_SERVER_POLICY.maxHeapShare),
      readCacheBytes: int(env, 'READ_CACHE_MB', DEFAULT_SERVER_POLICY.readCacheBytes / 2 ** 20) * 2 ** 20,
      resultCacheBytes: int(env, 'RESULT_CACHE_MB', DEFAULT_SERVER_POLICY.resultCacheBytes / 2 ** 20) * 2 ** 20,
      maxConcurrentExpensive: int(env, 'MAX_CONCURRENT_EXPENSIVE', DEFAULT_SERVER_POLICY.maxConcurrentExpensive),
      maxConcurrentExports: int(env, 'MAX_CONCURRENT_EXPORTS', DEFAULT_SERVER_POLICY.maxConcurrentExports),
      documentWorkers: int(env, 'DOCUMENT_WORKERS', DEFAULT_SERVER_POLICY.documentWorkers, 0),
      documentQueue: int(env, 'DOCUMENT_QUEUE', DEFAULT_SERVER_POLICY.documentQueue, 0),
      storeConcurrency: int(env, 'STORE_CONCURRENCY', DEFAULT_SERVER_POLICY.storeConcurrency),
      readCache: bool(env, 'READ_CACHE', DEFAULT_SERVER_POLICY.readCache),
      introspection: bool(env, 'INTROSPECTION', true),
      corsOrigins: origins(env.CORS_ORIGINS),
      devErrors: env.DEV_ERRORS === '1' || env.NODE_ENV === 'development',
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    dataSets: parseDataSets(env.DATA_SETS),
  };
}
