/**
 * npm run load -- [--time 30] [--concurrency 4] [--full | --data-dir DIR] [--attack [--vary] | --heavy | --fit] [--url http://127.0.0.1:4000/]
 *
 * A load mix against the server in a separate process (started here on the in-memory fixture:
 * the curated seed, `--full` adds ../shared/data, `--data-dir` opens a DATA_DIR on disk (only one process
 * may open it: copy it); or a running server with `--url`, loopback only):
 * the README example operations (src/web/examples.graphql), the heaviest operation the default
 * limits accept (30 aliases of alternativeAllies) and exports, `concurrency` at a time for `time`
 * seconds; meanwhile /healthz is sampled every 20 ms from this process and the server's RSS every
 * second. `--attack` adds the request: 1,000 aliases of alternativeAllies(windowYears: 100),
 * with the child started in production mode, as `npm start` runs it, and with limits high enough to
 * let the request run into the deadline. `--vary` (with
 * `--attack`): each attack request a different document (its aliases renamed), as an attacker who
 * knows Apollo keeps the documents it has checked would send: every one is parsed, validated (in the
 * document worker: src/limits/offThreadDocuments.ts) and costed anew.
 * `--heavy` (issues 14/15): instead of the mix, `concurrency` clients (8 unless given) loop the heavy
 * request `negotiations(first: 50) { … partyPositions { outsideOptions { overall } } }` (run once
 * alone first, 5 times: "alone" latency), /healthz sampled meanwhile as above; the server does not
 * fit the model at start (PREFIT=0) unless PREFIT=1 is set.
 * `--fit`: from the moment the server listens, /healthz is sampled while one client asks for the
 * first agreementLikelihood (the model fit, unless the server already fitted it in the background),
 * then the cached agreementLikelihood 20 times (latencies as this client sees them, over loopback).
 * Prints counts by status and code, latency of each kind, /healthz p50/p99/max, peak RSS. Exits 1
 * on any 5xx that is not a store outage or a TIMEOUT of the attack, any non-JSON body, any hang.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { parse, print, Kind } from 'graphql';
import { projectRoot } from '../src/paths.js';
import {
  assertLoopback,
  newTally,
  percentile,
  record,
  recordHang,
  type Tally,
  formatTally,
  failed,
} from './harness/check.js';

const { values } = parseArgs({
  options: {
    time: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '4' },
    full: { type: 'boolean', default: false },
    attack: { type: 'boolean', default: false },
    vary: { type: 'boolean', default: false },
    url: { type: 'string' },
    heavy: { type: 'boolean', default: false },
    fit: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
  },
});
const seconds = Number(values.time);
const args = {
  concurrency: process.argv.some((a) => a.startsWith('--concurrency')) ? Number(values.concurrency) : undefined,
};

let url = values.url;
let listeningAt = 0;
let childPid: number | undefined;
let stopChild = () => {};
if (!url) {
  // --heavy, --fit, --attack: the server in production mode, as `npm start` runs it (graphql-js reads
  // NODE_ENV when it loads; the agreement model is fitted at start).
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ...(values.heavy || values.fit || values.attack ? { NODE_ENV: process.env.NODE_ENV ?? 'production' } : {}),
    // --heavy measures the heavy request, not the model fit a production start runs in the background (--fit does).
    ...(values.heavy ? { PREFIT: process.env.PREFIT ?? '0' } : {}),
    ...(values.attack
      ? { MAX_ALIASES: '5000', MAX_TOKENS: '200000', MAX_COST: '1000000000', MAX_CONCURRENT_EXPENSIVE: '2' }
      : {}),
  };
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, 'scripts/harness/serveChild.ts'),
      ...(values.full ? ['--full'] : []),
      ...(values['data-dir'] ? ['--data-dir', values['data-dir']] : []),
    ],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  childPid = child.pid;
  stopChild = () => {
    child.kill('SIGTERM');
  };
  url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (l) => {
      try {
        resolve((JSON.parse(l) as { url: string }).url);
        listeningAt = performance.now();
      } catch {
        /* log line */
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}
assertLoopback(url);

// The README examples, one operation each.
const doc = parse(readFileSync(join(projectRoot, 'src/web/examples.graphql'), 'utf8'));
const examples = doc.definitions
  .filter((d) => d.kind === Kind.OPERATION_DEFINITION)
  .map((d) => ({
    name: (d as { name?: { value: string } }).name?.value ?? 'anon',
    query: print(d),
    variables: /\$id/.test(print(d)) ? { id: 'anglo-german-1898' } : undefined,
  }));
const heavy = {
  name: 'heaviest accepted (30 x alternativeAllies)',
  query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score }`).join(' ')} }`,
};
const attackQuery = (prefix: string) =>
  `{ ${Array.from({ length: 1000 }, (_, i) => `${prefix}${i}: alternativeAllies(state: 200, at: "1914-01-01", windowYears: 100) { state { ccode } score }`).join(' ')} }`;
const attack = {
  name: `attack (1,000 x alternativeAllies windowYears 100${values.vary ? ', a new document each time' : ''})`,
  query: attackQuery('a'),
};
let attacks = 0;

const tally: Tally = newTally();
const latency = new Map<string, number[]>();
const healthz: number[] = [];
let rssPeak = 0;
const t0 = performance.now();
const running = () => performance.now() - t0 < seconds * 1000;

async function call(name: string, path: string, init: RequestInit, allowTimeout = false): Promise<void> {
  const c = new AbortController();
  const timer = setTimeout(() => c.abort(), 30_000);
  const t = performance.now();
  try {
    const res = await fetch(new URL(path, url), { ...init, signal: c.signal });
    const body = await res.text();
    if (allowTimeout && res.status === 503 && /"(TIMEOUT|OVERLOADED)"/.test(body)) {
      tally.requests += 1;
      tally.byStatus['503 (attack TIMEOUT)'] = (tally.byStatus['503 (attack TIMEOUT)'] ?? 0) + 1;
      tally.byCode.TIMEOUT = (tally.byCode.TIMEOUT ?? 0) + 1;
    } else record(tally, { label: name, status: res.status, contentType: res.headers.get('content-type'), body });
  } catch {
    recordHang(tally, name, 30_000);
  } finally {
    clearTimeout(timer);
  }
  const list = latency.get(name) ?? [];
  list.push(performance.now() - t);
  latency.set(name, list);
}

const gql = (q: { name: string; query: string; variables?: unknown }, allowTimeout = false) =>
  call(
    q.name,
    '/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: q.query, variables: q.variables }),
    },
    allowTimeout,
  );

const mix = async (i: number) => {
  let n = i;
  while (running()) {
    n += 1;
    if (n % 10 === 0) await gql(heavy);
    else if (n % 25 === 1) await call('export cytoscape 1914', '/export/cytoscape?at=1914-06-28', {});
    else await gql(examples[n % examples.length]!);
  }
};
const attacker = async () => {
  while (running()) await gql(values.vary ? { ...attack, query: attackQuery(`v${attacks++}_`) } : attack, true);
};
const sampleHealth = async () => {
  while (running()) {
    const t = performance.now();
    try {
      await (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(10_000) })).text();
      healthz.push(performance.now() - t);
    } catch {
      healthz.push(10_000);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
};
const sampleRss = async () => {
  while (running() && childPid) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${childPid}/status`, 'utf8'));
      if (m) rssPeak = Math.max(rssPeak, Number(m[1]) / 1024);
    } catch {
      /* gone */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
};

// The heavy request of issues 14/15: 50 negotiations, every party's outside options.
const heavyNegotiations = {
  name: 'heavy: negotiations(first: 50) partyPositions outsideOptions',
  query:
    '{ negotiations(first: 50) { edges { node { key partyPositions { state { ccode } outsideOptions { overall } } } } } }',
};
const likelihood = (name: string) => ({
  name,
  query:
    '{ agreementLikelihood(negotiation: "anglo-german-1898") { probability explanation model { trainingCases coefficients { factor value } } } }',
});
let stopSampling = false;
const sampling = () => !stopSampling && (values.fit || running());

async function sampleHealthUntilStopped(): Promise<void> {
  while (sampling()) {
    const t = performance.now();
    try {
      await (await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(10_000) })).text();
      healthz.push(performance.now() - t);
    } catch {
      healthz.push(10_000);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

if (values.fit) {
  // From the moment the server listens: /healthz meanwhile, the first agreementLikelihood (the fit), then the cached one.
  const sampler = sampleHealthUntilStopped();
  const tFirst = performance.now();
  await gql(likelihood('agreementLikelihood, first (model fit)'));
  const firstMs = performance.now() - tFirst;
  stopSampling = true;
  await sampler;
  const duringFit = [...healthz];
  for (let i = 0; i < 20; i++) await gql(likelihood('agreementLikelihood, cached'));
  healthz.length = 0;
  healthz.push(...duringFit);
  console.log(
    `first agreementLikelihood ${firstMs.toFixed(0)} ms after the server listened ${listeningAt ? (tFirst - listeningAt).toFixed(0) : '?'} ms earlier`,
  );
} else if (values.heavy) {
  for (let i = 0; i < 6; i++)
    await gql({ ...heavyNegotiations, name: i ? `${heavyNegotiations.name}, alone` : 'heavy, first (cold caches)' });
  const clients = args.concurrency ?? 8;
  const loop = async () => {
    while (running()) await gql({ ...heavyNegotiations, name: `${heavyNegotiations.name}, ${clients} clients` });
  };
  await Promise.all([...Array.from({ length: clients }, () => loop()), sampleHealth(), sampleRss()]);
} else {
  await Promise.all([
    ...Array.from({ length: Number(values.concurrency) }, (_, i) => mix(i)),
    ...(values.attack ? [attacker(), attacker()] : []),
    sampleHealth(),
    sampleRss(),
  ]);
}
stopChild();

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `n ${s.length}, p50 ${percentile(s, 0.5).toFixed(1)} ms, p99 ${percentile(s, 0.99).toFixed(1)} ms, max ${(s.at(-1) ?? NaN).toFixed(1)} ms`;
};
console.log(formatTally(tally));
for (const [name, xs] of latency) console.log(`${name.padEnd(52)} ${fmt(xs)}`);
console.log(`/healthz ${values.fit ? 'during the first fit' : 'while loaded'}: ${fmt(healthz)}`);
if (childPid) console.log(`server peak RSS ${Math.round(rssPeak)} MB`);
const bad = failed(tally);
console.log(bad ? 'LOAD FAILED' : 'load passed');
process.exit(bad ? 1 : 0);
