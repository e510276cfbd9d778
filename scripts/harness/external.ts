/**
 * What the benches need to measure a server from outside: the server in its own process (started
 * as `npm start` starts it, or a reference server), the load from another process (autocannon's
 * CLI, a maintained generator, so that neither the server nor the measuring loop shares an event
 * loop with the load), and the statistics they print (medians with their spread, the load average).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { assertLoopback } from './check.js';

export interface ServerProcess {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  child: ChildProcess;
  /** Calls `listener` with each later line of the process's stdout (its log); returns the unsubscribe. */
  onLine(listener: (line: string) => void): () => void;
  stop(): Promise<number | null>;
}

/**
 * Starts `command args` with `env` and waits until a line of its stdout matches `ready` (group 1:
 * the GraphQL URL). The rest of its output is drained (the server's request log) so that a full
 * pipe never blocks it.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 600_000,
): Promise<ServerProcess> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: projectRoot });
  let stderr = '';
  let stopping = false;
  const listeners = new Set<(line: string) => void>();
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name}: not ready within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name}: exited (${code}) before it was ready\n${stderr}`));
    };
    child.once('exit', exited);
    const lines = createInterface({ input: child.stdout! });
    let started = false;
    lines.on('line', (line) => {
      if (started) {
        for (const l of listeners) l(line);
        return;
      }
      const m = ready.exec(line);
      if (!m) return;
      started = true;
      clearTimeout(timer);
      child.off('exit', exited);
      const url = m[1]!;
      assertLoopback(url);
      child.once('exit', (code, signal) => {
        if (!stopping) console.error(`${name}: exited (${code ?? signal}) while measured\n${stderr}`);
      });
      resolve({
        name,
        url,
        child,
        onLine(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(child.exitCode);
            stopping = true;
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** `node scripts/buildIfStale.mjs`, what `npm start` runs first (of the checkout at `root`). */
export function buildIfStale(root = projectRoot): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'buildIfStale.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
}

/** The node flags `npm start` gives the server: those between `node` and `dist/src/cli.js` in package.json's start script. */
export function serveNodeFlags(root = projectRoot): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /\bnode((?:\s+--\S+)*)\s+dist\/src\/cli\.js serve\b/.exec(pkg.scripts.start);
  if (!m) throw new Error(`package.json's start script does not run node dist/src/cli.js serve: ${pkg.scripts.start}`);
  return m[1]!.trim().split(/\s+/).filter(Boolean);
}

/**
 * The project's server as `npm start` runs it (`node <its flags> dist/src/cli.js serve`: production
 * mode, request log at info), on a free loopback port, with `env` on top of this process's environment
 * (`nodeArgs`: further options for node itself, such as `--trace-gc`, which NODE_OPTIONS does not take;
 * `root`: another checkout, its build and its start script's flags, for a baseline).
 */
export function startApp(
  name: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  root = projectRoot,
): Promise<ServerProcess> {
  return startProcess(
    name,
    process.execPath,
    [...serveNodeFlags(root), ...nodeArgs, join(root, 'dist', 'src', 'cli.js'), 'serve'],
    { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    /GraphQL:\s+(http:\/\/\S+)/,
  );
}

/** A script of `scripts/harness/` run by tsx in its own process; it prints `{"url": …}` when listening. */
export function startScript(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<ServerProcess> {
  return startProcess(
    name,
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'scripts', 'harness', script), ...args],
    { ...process.env, NODE_ENV: 'production', ...env },
    /^\{"url":"([^"]+)"\}$/,
  );
}

export interface LoadResult {
  rps: number;
  /** Latency percentiles in ms, as autocannon reports them. */
  p50: number;
  p99: number;
  mean: number;
  requests: number;
  /** Non-2xx answers and socket errors or timeouts. */
  errors: number;
}

/**
 * `connections` clients loop `body` (a GraphQL request, POST) at `url` for `seconds`, generated by
 * autocannon in its own process; or, given `amount`, until `amount` answers have come (none left in
 * flight when it returns: what a count of the server's CPU per request needs). Answers other than 2xx
 * count as errors.
 */
export function autocannon(
  url: string,
  body: string,
  connections: number,
  seconds: number,
  amount?: number,
): Promise<LoadResult> {
  assertLoopback(url);
  const bin = join(projectRoot, 'node_modules', 'autocannon', 'autocannon.js');
  const child = spawn(
    process.execPath,
    [
      bin,
      '--json',
      '--connections',
      String(connections),
      ...(amount ? ['--amount', String(amount)] : ['--duration', String(seconds)]),
      '--method',
      'POST',
      '--headers',
      'content-type=application/json',
      '--body',
      body,
      '--timeout',
      '30',
      url,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(-400)}`));
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number; average: number };
        non2xx: number;
        errors: number;
        timeouts: number;
        duration: number;
      };
      resolve({
        rps: r.requests.total / r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        mean: r.latency.average,
        requests: r.requests.total,
        errors: r.non2xx + r.errors + r.timeouts,
      });
    });
  });
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** `median (min–max)`, with `digits` decimals. */
export function spread(xs: readonly number[], digits = 1): string {
  if (!xs.length) return '-';
  const f = (x: number) => x.toFixed(digits);
  return `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}

export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** POSTs one GraphQL request and returns its parsed body (throws on a non-2xx answer or errors). */
export async function graphql(url: string, body: string): Promise<{ data: unknown; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (json.errors) throw new Error(`${url}: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return { data: json.data, headers: res.headers };
}
