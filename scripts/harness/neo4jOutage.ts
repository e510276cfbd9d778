/**
 * Neo4j killed under load while the API serves from it (issue 28 §5), and started again: what
 * `test/neo4j/killedUnderLoad.neo4j.test.ts` asserts on and `npm run load:kill-neo4j` measures, one
 * scenario for both.
 *
 * A Neo4j of its own (./ownNeo4j.ts: a free port, data kept across the restart); the API on it as
 * `npm start` runs it, in a child process on a free port (`serve`, production mode, DATA_SETS=none:
 * it loads the curated seed into the empty database); a light load (a few clients looping small
 * reads, /healthz sampled every 50 ms, /readyz every 250 ms); then SIGKILL to Neo4j, the load going
 * on; after `outageMs` Neo4j started again on the same port and data, until /readyz is ready and the
 * API answers a fingerprint query as it did before the kill (and the graph, read from Neo4j itself,
 * holds what it held). Every answer is recorded with its times: `outageFigures` derives the figures.
 *
 * Why a Neo4j of its own: the shared one (NEO4J_URI) serves the other test files, and a kill would
 * take it from them; it is a scratch database a user may have pointed the tests at, too.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { loadConfig, withDefaults } from '../../src/config.js';
import { Neo4jStore } from '../../src/store/Neo4jStore.js';
import { NEO4J_HEALTH_TIMEOUT_MS, neo4jConnectionTimeoutMs } from '../../src/store/neo4jTimeouts.js';
import { ownNeo4j, type OwnNeo4j } from './ownNeo4j.js';
import { percentile } from './check.js';
import { loadAverage, startProcess, type ServerProcess } from './external.js';

/** Small reads that need the store (every request reads the data version first, cache or not). */
export const OUTAGE_OPERATIONS: readonly { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'eras', query: '{ eras { key name start end } }' },
  { name: 'dataSets', query: '{ dataSets { name version rows } }' },
  {
    name: 'FailedNegotiations',
    query: '{ negotiations(filter: { outcome: NONAGREEMENT }, first: 5) { totalCount edges { node { key name } } } }',
  },
  {
    name: 'NegotiationDetail',
    query: 'query ($id: ID!) { negotiation(id: $id) { name outcome parties { ccode abbrev } rounds { sequence } } }',
    variables: { id: 'anglo-german-1898' },
  },
];

/** What the API answers before the kill and must answer the same after the restart. */
const FINGERPRINT_QUERY = `{
  dataSets { name version rows }
  eras { key start end }
  negotiations(first: 20) { totalCount edges { node { key outcome start } } }
}`;

export interface Answer {
  op: string;
  /** ms since the scenario's origin */
  sentAt: number;
  ms: number;
  /** HTTP status, 0 for no answer within the client's limit (a hang) or a network error */
  status: number;
  codes: string[];
  /** `data` was null (nothing answered) */
  dataNull: boolean;
  retryAfter: string | null;
  detail?: string;
}

export interface Probe {
  sentAt: number;
  ms: number;
  status: number;
  body: string;
}

export interface OutageRun {
  requestTimeoutMs: number;
  /** How long a read retries before the store counts as down (neo4jConnectionTimeoutMs). */
  retryWindowMs: number;
  healthTimeoutMs: number;
  /** ms since the origin (performance.now() at the start of the load) */
  killAt: number;
  neo4jExitedAt: number;
  restartAt: number;
  neo4jReadyAt: number;
  /** The first /readyz 200 sent after Neo4j's restart was started, or NaN. */
  readyAgainAt: number;
  /** The first answer to the fingerprint query after /readyz was ready again, or NaN. */
  answersAgainAt: number;
  answers: Answer[];
  healthz: Probe[];
  readyz: Probe[];
  apiFingerprint: { before: string; after: string };
  storeFingerprint: { before: string; after: string };
  /** Wall times of the phases, ms: Neo4j's first start, the API's start (seed included), the whole. */
  setupMs: { neo4j: number; api: number; total: number };
  /** The machine's load average (1, 5, 15 min) when the load started and when it ended. */
  loadAverage: { before: string; after: string };
}

export interface OutageOptions {
  /** How the API starts: `dist` is `npm start` (node dist/src/cli.js serve, built first), `source` runs src/ with tsx. */
  api: 'dist' | 'source';
  /** Clients looping OUTAGE_OPERATIONS (default 4). */
  clients?: number;
  /** Load before the kill, ms (default 2000). */
  beforeKillMs?: number;
  /**
   * Neo4j down for this long before its restart begins, ms (default: the retry window, the health
   * timeout and a second: the store counted down, /readyz not ready and answers past both; the
   * restart itself adds Neo4j's start-up time to the outage).
   */
  outageMs?: number;
  /** Extra environment for the API (REQUEST_TIMEOUT_MS ...). */
  env?: NodeJS.ProcessEnv;
  /** Give up waiting for readiness after this long from the restart, ms (default: Neo4j's start timeout). */
  recoverWithinMs?: number;
  /** How long each start of Neo4j may take, ms (default 240,000). */
  neo4jStartTimeoutMs?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

async function retry<T>(work: () => Promise<T>, withinMs: number): Promise<T> {
  const t0 = performance.now();
  for (;;) {
    try {
      return await work();
    } catch (e) {
      if (performance.now() - t0 > withinMs) throw e;
      await sleep(200);
    }
  }
}

/**
 * What the graph holds, read from Neo4j itself (not through the API and its read cache): nodes by
 * label, relationships by type and the data version, which every seed and import transaction moves.
 */
async function storeFingerprint(neo4j: OwnNeo4j): Promise<string> {
  const store = await Neo4jStore.connect({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    const read = (text: string) => store.read(text, {}, 'outage-fingerprint');
    const nodes = await read('MATCH (n) RETURN labels(n) AS l, count(*) AS n ORDER BY l');
    const rels = await read('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t');
    const version = await read('MATCH (v:DataVersion) RETURN v.version AS v');
    const count = (rows: { n?: unknown }[]) => rows.reduce((s, r) => s + Number(r.n), 0);
    return `${count(nodes)} nodes, ${count(rels)} relationships, data version ${String(version[0]?.v)}, ${sha(JSON.stringify([nodes, rels]))}`;
  } catch (e) {
    return `unreadable: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await store.close();
  }
}

async function apiFingerprint(graphqlUrl: string): Promise<string> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: FINGERPRINT_QUERY }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  const json = JSON.parse(body) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || json.errors) throw new Error(`fingerprint query: HTTP ${res.status} ${body.slice(0, 300)}`);
  return sha(JSON.stringify(json.data));
}

export async function runNeo4jOutage(options: OutageOptions): Promise<OutageRun> {
  const log = options.log ?? (() => {});
  // The API's configuration, as it will read it (this environment, then `env`).
  const requestTimeoutMs = withDefaults(loadConfig({ ...process.env, ...options.env }).limits).requestTimeoutMs;
  const healthTimeoutMs = NEO4J_HEALTH_TIMEOUT_MS;
  const retryWindowMs = neo4jConnectionTimeoutMs({ requestTimeoutMs });
  const clientLimitMs = requestTimeoutMs + 10_000;
  const t00 = performance.now();
  const neo4j = await ownNeo4j({ startTimeoutMs: options.neo4jStartTimeoutMs });
  let api: ServerProcess | undefined;
  let loading = false;
  try {
    log(`starting Neo4j on port ${neo4j.port} ...`);
    await neo4j.start();
    const neo4jMs = performance.now() - t00;
    log(`Neo4j ready after ${(neo4jMs / 1000).toFixed(1)} s; starting the API (${options.api}) ...`);
    const t1 = performance.now();
    const command =
      options.api === 'dist'
        ? [join(projectRoot, 'dist', 'src', 'cli.js'), 'serve']
        : ['--import', 'tsx', join(projectRoot, 'src', 'cli.ts'), 'serve'];
    api = await startProcess(
      'api',
      process.execPath,
      command,
      {
        ...process.env,
        // as `npm start` runs it: production mode (vitest sets NODE_ENV=test)
        NODE_ENV: 'production',
        STORE: 'neo4j',
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_SETS: 'none',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      /GraphQL:\s+(http:\/\/\S+)/,
      180_000,
    );
    const graphqlUrl = api.url;
    const base = new URL('/', graphqlUrl);
    const apiMs = performance.now() - t1;
    log(`API listening after ${(apiMs / 1000).toFixed(1)} s at ${base.href}`);

    // The first answer of a fresh process on a busy machine may pass the deadline: asked until answered.
    const before = { api: await retry(() => apiFingerprint(graphqlUrl), 60_000), store: await storeFingerprint(neo4j) };

    const loadBefore = loadAverage();
    const origin = performance.now();
    const now = () => performance.now() - origin;
    const answers: Answer[] = [];
    const healthz: Probe[] = [];
    const readyz: Probe[] = [];
    loading = true;
    let restartAt = NaN;
    let readyAgainAt = NaN;

    const client = async (i: number) => {
      for (let n = i; loading; n++) {
        const op = OUTAGE_OPERATIONS[n % OUTAGE_OPERATIONS.length]!;
        const sentAt = now();
        try {
          const res = await fetch(graphqlUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: op.query, variables: op.variables }),
            signal: AbortSignal.timeout(clientLimitMs),
          });
          const text = await res.text();
          let json: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
          try {
            json = JSON.parse(text) as typeof json;
          } catch {
            /* recorded below as a body without codes */
          }
          answers.push({
            op: op.name,
            sentAt,
            ms: now() - sentAt,
            status: res.status,
            codes: [...new Set((json.errors ?? []).map((e) => e.extensions?.code ?? '(none)'))],
            dataNull: json.data === null || json.data === undefined,
            retryAfter: res.headers.get('retry-after'),
            ...(res.status >= 400 || json.errors ? { detail: text.slice(0, 300) } : {}),
          });
        } catch (e) {
          answers.push({
            op: op.name,
            sentAt,
            ms: now() - sentAt,
            status: 0,
            codes: [],
            dataNull: true,
            retryAfter: null,
            detail: String((e as Error).name === 'TimeoutError' ? `no answer within ${clientLimitMs} ms` : e),
          });
          // a refused connection would spin: the API itself is down, which the figures show
          await sleep(50);
        }
      }
    };
    const probe = async (path: string, into: Probe[]) => {
      const sentAt = now();
      try {
        const res = await fetch(new URL(path, base), { signal: AbortSignal.timeout(clientLimitMs) });
        into.push({ sentAt, ms: now() - sentAt, status: res.status, body: (await res.text()).slice(0, 300) });
        if (path === '/readyz' && res.status === 200 && sentAt >= restartAt)
          readyAgainAt = Number.isNaN(readyAgainAt) ? now() : Math.min(readyAgainAt, now());
      } catch (e) {
        into.push({ sentAt, ms: now() - sentAt, status: 0, body: String(e) });
      }
    };
    const every = async (ms: number, path: string, into: Probe[]) => {
      const pending: Promise<void>[] = [];
      while (loading) {
        pending.push(probe(path, into));
        await sleep(ms);
      }
      await Promise.all(pending);
    };

    const clients = Array.from({ length: options.clients ?? 4 }, (_, i) => client(i));
    const samplers = [every(50, '/healthz', healthz), every(250, '/readyz', readyz)];
    await sleep(options.beforeKillMs ?? 2000);

    const killAt = now();
    log(`SIGKILL to Neo4j (pid ${neo4j.pid}) at ${(killAt / 1000).toFixed(2)} s`);
    await neo4j.kill('SIGKILL');
    const neo4jExitedAt = now();
    await sleep(options.outageMs ?? retryWindowMs + healthTimeoutMs + 1000);

    restartAt = now();
    log(`restarting Neo4j at ${(restartAt / 1000).toFixed(2)} s ...`);
    // /readyz and the API are watched while Neo4j starts: Bolt answers before the launcher's own
    // check query has, and that is when the API can serve again.
    let neo4jReadyAt = NaN;
    let restartFailed: unknown;
    const restarted = neo4j.start().then(
      () => {
        neo4jReadyAt = now();
        log(`Neo4j ready again after ${((neo4jReadyAt - restartAt) / 1000).toFixed(1)} s`);
      },
      (e: unknown) => {
        restartFailed = e;
      },
    );
    const recoverBy = restartAt + (options.recoverWithinMs ?? options.neo4jStartTimeoutMs ?? 240_000);
    while (!(readyAgainAt > 0) && now() < recoverBy && restartFailed === undefined) await sleep(50);
    let after = { api: 'not ready', store: 'not ready' };
    let answersAgainAt = NaN;
    if (readyAgainAt > 0) {
      log(`/readyz ready again ${((readyAgainAt - restartAt) / 1000).toFixed(1)} s after the restart began`);
      for (;;) {
        try {
          after = { ...after, api: await apiFingerprint(graphqlUrl) };
          answersAgainAt = now();
          break;
        } catch (e) {
          if (now() >= recoverBy) {
            after = { ...after, api: String(e) };
            break;
          }
          await sleep(100);
        }
      }
    }
    await restarted;
    if (restartFailed !== undefined) throw restartFailed;
    if (readyAgainAt > 0) after = { ...after, store: await storeFingerprint(neo4j) };
    // a little load after recovery: answered from the store again
    await sleep(500);
    loading = false;
    await Promise.all([...clients, ...samplers]);
    return {
      requestTimeoutMs,
      retryWindowMs,
      healthTimeoutMs,
      killAt,
      neo4jExitedAt,
      restartAt,
      neo4jReadyAt,
      readyAgainAt,
      answersAgainAt,
      answers,
      healthz,
      readyz,
      apiFingerprint: { before: before.api, after: after.api },
      storeFingerprint: { before: before.store, after: after.store },
      setupMs: { neo4j: neo4jMs, api: apiMs, total: performance.now() - t00 },
      loadAverage: { before: loadBefore, after: loadAverage() },
    };
  } finally {
    loading = false;
    await api?.stop();
    await neo4j.dispose();
  }
}

export interface OutageFigures {
  /** From the SIGKILL to the first 503 answer received (any request). */
  killToFirst503Ms: number;
  /** Requests sent after the kill and before /readyz was ready again. */
  outageRequests: number;
  outageLatency: { p50: number; p99: number; max: number };
  /** Of those, answers that are not a 503 (200 with errors, 500, a hang or a network error). */
  non503: number;
  /** Of those, 503s whose only code is not STORE_UNAVAILABLE (TIMEOUT ...). */
  otherCodes: Record<string, number>;
  /** The slowest answer over the deadline (ms past REQUEST_TIMEOUT_MS; <= 0 when all were in time). */
  worstOverDeadlineMs: number;
  healthzP99: number;
  healthzMax: number;
  /** From the kill to the first /readyz 503 received. */
  killToNotReadyMs: number;
  /** From the restart (launcher started) to the first /readyz 200, and from Neo4j's ready line. */
  restartToReadyMs: number;
  neo4jReadyToReadyMs: number;
  /** From /readyz ready to the fingerprint query answered. */
  readyToAnswersMs: number;
  sameData: boolean;
}

/** The requests sent after the kill, before /readyz was ready again. */
export const duringOutage = (run: OutageRun): Answer[] =>
  run.answers.filter((a) => a.sentAt >= run.killAt && !(a.sentAt >= run.readyAgainAt));

/**
 * The outage in two phases: `down`, sent between the kill and the restart (nothing listens on
 * Neo4j's port), and `restarting`, sent from the restart until /readyz was ready again (Neo4j
 * starting: refusing connections, then accepting them and answering slowly while it recovers).
 */
export function outagePhase(run: OutageRun, a: Answer): 'down' | 'restarting' | undefined {
  if (a.sentAt < run.killAt || a.sentAt >= run.readyAgainAt) return undefined;
  return a.sentAt < run.restartAt ? 'down' : 'restarting';
}

export function outageFigures(run: OutageRun): OutageFigures {
  const outage = duringOutage(run);
  const lat = outage.map((a) => a.ms).sort((a, b) => a - b);
  const first503 = Math.min(...run.answers.filter((a) => a.status === 503).map((a) => a.sentAt + a.ms));
  const notReady = Math.min(
    ...run.readyz.filter((p) => p.status === 503 && p.sentAt >= run.killAt).map((p) => p.sentAt + p.ms),
  );
  const other: Record<string, number> = {};
  for (const a of outage)
    if (a.status === 503 && a.codes.some((c) => c !== 'STORE_UNAVAILABLE')) {
      const k = a.codes.join('+');
      other[k] = (other[k] ?? 0) + 1;
    }
  const hz = run.healthz.filter((p) => p.sentAt >= run.killAt && p.sentAt <= run.readyAgainAt).map((p) => p.ms);
  hz.sort((a, b) => a - b);
  return {
    killToFirst503Ms: first503 - run.killAt,
    outageRequests: outage.length,
    outageLatency: { p50: percentile(lat, 0.5), p99: percentile(lat, 0.99), max: lat.at(-1) ?? NaN },
    non503: outage.filter((a) => a.status !== 503).length,
    otherCodes: other,
    worstOverDeadlineMs: (lat.at(-1) ?? 0) - run.requestTimeoutMs,
    healthzP99: percentile(hz, 0.99),
    healthzMax: hz.at(-1) ?? NaN,
    killToNotReadyMs: notReady - run.killAt,
    restartToReadyMs: run.readyAgainAt - run.restartAt,
    neo4jReadyToReadyMs: run.readyAgainAt - run.neo4jReadyAt,
    readyToAnswersMs: run.answersAgainAt - run.readyAgainAt,
    sameData:
      run.apiFingerprint.before === run.apiFingerprint.after &&
      run.storeFingerprint.before === run.storeFingerprint.after,
  };
}

/** How the answers during the outage split, by phase, status and codes (`down: 503 STORE_UNAVAILABLE: 41`). */
export function outageBreakdown(run: OutageRun): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of duringOutage(run)) {
    const k = `${outagePhase(run, a)}: ${a.status || 'no answer'}${a.codes.length ? ` ${a.codes.join('+')}` : ''}${a.status === 200 && a.codes.length ? ' (data beside errors)' : ''}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
