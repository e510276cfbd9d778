/**
 * npm run load:attacks -- [--time 20] [--only NAME,NAME] [--data-dir DIR]
 *
 * The reliability issue's attacks, one after the other, against the server as `npm start` runs it
 * (production mode, the default limits, the published data sets imported into a fresh DATA_DIR by a
 * first start, or a DATA_DIR given with `--data-dir` that a first start has filled), each for `time`
 * seconds while `/healthz` is asked every 10 ms from a process of its own (./harness/healthProbe.ts):
 *
 * - `nested-treaty-lists`: 4 clients looping the 18-alias request that ran the process out of heap
 *   (the treaties of the members of each state's treaties);
 * - `alias-traversal`: 2 clients looping 30 aliases of `alternativeAllies`, the most the default
 *   limits accept;
 * - `gexf`: 2 clients looping the dynamic GEXF 1815–2018 with negotiations;
 * - `series`: 64 clients asking for Britain's outside-options series 1815–2018, a year a point;
 * - `invalid-list`: 8 clients posting 100,000 unknown ccodes (about 800 KB of variables);
 * - `stalled-export`: a client that asks for the directed dyad-year export 1816–2018 and never reads,
 *   while 2 clients loop a small export (the slot must come free).
 *
 * For each: answers by status and code, latency p50/p99/max, answers later than the deadline + 1 s,
 * `/healthz` p50/p99/max, the server's peak RSS (VmHWM, reset before each attack). Exits 1 on a
 * failure the fuzz harness counts (an uncoded 5xx, a non-JSON error, a stack, a hang), a coded
 * refusal other than TIMEOUT past the deadline + 1 s, or a server that died. The 1,000-alias attack,
 * which needs raised limits, is `npm run load -- --attack`.
 */
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NESTED_TREATY_LISTS } from '../test/helpers/heavyRequests.js';
import { DEFAULT_LIMITS } from '../src/config.js';
import { buildIfStale, loadAverage, startApp, type ServerProcess } from './harness/external.js';
import { memoryOf, resetPeak, startProbe, type Probe } from './harness/exportOverHttp.js';
import { failed, formatTally, newTally, percentile, record, recordHang, type Tally } from './harness/check.js';

const { values } = parseArgs({
  options: {
    time: { type: 'string', default: '20' },
    only: { type: 'string', default: '' },
    'data-dir': { type: 'string' },
  },
});
const seconds = Number(values.time);
const deadlineMs = Number(process.env.REQUEST_TIMEOUT_MS ?? DEFAULT_LIMITS.requestTimeoutMs);

interface Request {
  label: string;
  path: string;
  init?: RequestInit;
}
const post = (label: string, query: string, variables?: unknown): Request => ({
  label,
  path: '/graphql',
  init: {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  },
});

const aliasTraversal = `{ ${Array.from(
  { length: 30 },
  (_, i) => `a${i}: alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score }`,
).join(' ')} }`;
const series =
  '{ outsideOptionsSeries(state: 200, from: 1815, to: 2018, step: YEAR) { year at options { overall complete alternativeAllies { attractiveness } } } }';
const unknownCcodes = Array.from({ length: 100_000 }, (_, i) => 100_000 + i);
const hypothetical =
  'query($p: [Int!]!) { hypotheticalAgreement(input: { date: "1900", parties: $p, plans: [] }) { probability } }';

interface Attack {
  name: string;
  clients: number;
  request: Request;
  /** Started beside the clients, ended with them (the stalled reader). */
  beside?: (url: string) => () => void;
}
const ATTACKS: Attack[] = [
  { name: 'nested-treaty-lists', clients: 4, request: post('18 aliases of nested treaty lists', NESTED_TREATY_LISTS) },
  { name: 'alias-traversal', clients: 2, request: post('30 aliases of alternativeAllies', aliasTraversal) },
  {
    name: 'gexf',
    clients: 2,
    request: { label: 'GEXF 1815-2018 with negotiations', path: '/export/gexf?from=1815&to=2018&negotiations=true' },
  },
  { name: 'series', clients: 64, request: post('outsideOptionsSeries Britain 1815-2018', series) },
  { name: 'invalid-list', clients: 8, request: post('100,000 unknown ccodes', hypothetical, { p: unknownCcodes }) },
  {
    name: 'stalled-export',
    clients: 2,
    request: { label: 'cytoscape 1914 beside a stalled reader', path: '/export/cytoscape?at=1914-06-28' },
    beside: stalledReader,
  },
];

/** Asks for the directed dyad-year export 1816–2018 on a raw socket and never reads the answer. */
function stalledReader(url: string): () => void {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) }, () => {
    socket.write(
      `GET /export/dyad-year?from=1816&to=2018&directed=true HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`,
    );
    socket.pause();
  });
  socket.on('error', () => undefined);
  return () => socket.destroy();
}

interface Outcome {
  name: string;
  tally: Tally;
  latencies: number[];
  late: number;
  /** Status, code and latency of each answer past the deadline + 1 s. */
  lateAnswers: string[];
  healthz: number[];
  peakMb: number;
  alive: boolean;
}

async function run(server: ServerProcess, probe: Probe, attack: Attack): Promise<Outcome> {
  const pid = server.child.pid!;
  const tally = newTally();
  const latencies: number[] = [];
  let late = 0;
  const lateAnswers: string[] = [];
  resetPeak(pid);
  const from = performance.timeOrigin + performance.now();
  const endAt = performance.now() + seconds * 1000;
  const stopBeside = attack.beside?.(server.url);
  const client = async () => {
    while (performance.now() < endAt) {
      const t = performance.now();
      try {
        const res = await fetch(new URL(attack.request.path, server.url), {
          ...attack.request.init,
          signal: AbortSignal.timeout(deadlineMs + 20_000),
        });
        const body = await res.text();
        const ms = performance.now() - t;
        latencies.push(ms);
        if (ms > deadlineMs + 1000) {
          late += 1;
          lateAnswers.push(`${res.status} ${/"code":"(\w+)"/.exec(body)?.[1] ?? ''} ${ms.toFixed(0)} ms`);
        }
        // A coded TIMEOUT is a refusal by the deadline, not a fault (whether it came in time is `late`).
        const timeout = res.status === 503 && /"code":"TIMEOUT"/.test(body);
        record(tally, {
          label: attack.request.label,
          status: timeout ? 200 : res.status,
          contentType: res.headers.get('content-type'),
          body,
        });
        if (timeout) {
          tally.byStatus['200'] -= 1;
          tally.byStatus['503'] = (tally.byStatus['503'] ?? 0) + 1;
        }
      } catch {
        recordHang(tally, attack.request.label, deadlineMs + 20_000);
      }
    }
  };
  await Promise.all(Array.from({ length: attack.clients }, client));
  stopBeside?.();
  const to = performance.timeOrigin + performance.now();
  await new Promise((r) => setTimeout(r, 100)); // the probe's answers in flight
  const alive = server.child.exitCode === null && (await fetch(new URL('/healthz', server.url))).ok;
  return {
    name: attack.name,
    tally,
    latencies,
    late,
    lateAnswers,
    healthz: probe.between(from, to),
    peakMb: alive ? memoryOf(pid).peak / 2 ** 20 : NaN,
    alive,
  };
}

const fmt = (xs: number[]) =>
  `${percentile(xs, 0.5).toFixed(0)} / ${percentile(xs, 0.99).toFixed(0)} / ${(xs.at(-1) ?? NaN).toFixed(0)}`;

const only = new Set(values.only.split(',').filter(Boolean));
const attacks = ATTACKS.filter((a) => !only.size || only.has(a.name));
if (!attacks.length)
  throw new Error(`--only: none of ${[...only].join(', ')}; known: ${ATTACKS.map((a) => a.name).join(', ')}`);

buildIfStale();
const dir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'alliance-attacks-'));
const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: dir, LOG_LEVEL: 'warn' };
if (!values['data-dir']) {
  console.log('importing the record into a fresh DATA_DIR (npm start on an empty one) ...');
  await (await startApp('import', env)).stop();
}
const outcomes: Outcome[] = [];
let failure = false;
const server = await startApp('server', env);
try {
  const probe = await startProbe(server.url);
  console.log(`load average before: ${loadAverage()}; deadline ${deadlineMs} ms; ${seconds} s an attack`);
  for (const attack of attacks) {
    if (server.child.exitCode !== null) break;
    const o = await run(server, probe, attack);
    outcomes.push(o);
    console.log(`\n${o.name} (${attack.clients} clients: ${attack.request.label})\n${formatTally(o.tally)}`);
    if (o.late) console.log(`past the deadline + 1 s: ${o.lateAnswers.slice(0, 10).join('; ')}`);
    const bad = failed(o.tally) || o.late > 0 || !o.alive;
    failure ||= bad;
    await new Promise((r) => setTimeout(r, 2000)); // the server settles before the next one
  }
  await probe.stop();
  console.log(`\nload average after: ${loadAverage()}\n`);
  console.log(
    '| attack | answers | latency p50 / p99 / max ms | past deadline + 1 s | /healthz p50 / p99 / max ms | peak RSS MB | alive |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const o of outcomes) {
    const codes = Object.entries(o.tally.byCode)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${o.name} | ${o.tally.requests} (${codes}) | ${fmt(o.latencies.sort((a, b) => a - b))} | ${o.late} | ${fmt(
        o.healthz.sort((a, b) => a - b),
      )} | ${o.peakMb.toFixed(0)} | ${o.alive ? 'yes' : 'NO'} |`,
    );
  }
} finally {
  await server.stop();
  if (!values['data-dir']) rmSync(dir, { recursive: true, force: true });
}
console.log(failure ? 'ATTACKS FAILED' : 'attacks passed');
process.exit(failure ? 1 : 0);
