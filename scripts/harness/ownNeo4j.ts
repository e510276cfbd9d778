/**
 * A Neo4j of one test's or script's own (scripts/neo4j, the launcher `npm run neo4j` runs), which it
 * may stop, kill and start again: on a free loopback port chosen once, its data in a folder kept
 * across restarts (NEO4J_HOME_DIR), so that a restart finds the same data on the same port. Never
 * the shared Neo4j of NEO4J_URI: other tests use that one.
 *
 * `run.sh` execs the JVM, so the child's pid is Neo4j's: `kill('SIGKILL')` is a crash (no shutdown
 * hook, no checkpoint; the next start recovers from the transaction log), `stop()` a clean shutdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export const neo4jLauncherJar = join(projectRoot, 'scripts', 'neo4j', 'target', 'neo4j-launcher.jar');

/** Whether the launcher is built (`bash scripts/neo4j/run.sh --build-only`). */
export const neo4jLauncherBuilt = (): boolean => existsSync(neo4jLauncherJar);

/** A port the system says is free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface OwnNeo4j {
  readonly port: number;
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** The running JVM's pid, or null. */
  readonly pid: number | null;
  /** Starts Neo4j on the port and data folder; resolves once it printed its URI (it answered a query). */
  start(): Promise<void>;
  /** Sends `signal` to the JVM and resolves once it exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** A clean shutdown (SIGTERM). */
  stop(): Promise<void>;
  /** Stops it if running and deletes its data folder. */
  dispose(): Promise<void>;
}

export interface OwnNeo4jOptions {
  /** Default: a free port, chosen once. */
  port?: number;
  password?: string;
  /** JVM heap (default 512m) and page cache (default 32 MB): small, for a small graph. */
  heap?: string;
  pageCacheMb?: number;
  /** How long a start may take (default 240 s). */
  startTimeoutMs?: number;
}

export async function ownNeo4j(options: OwnNeo4jOptions = {}): Promise<OwnNeo4j> {
  const port = options.port ?? (await freePort());
  const password = options.password ?? `own-neo4j-${process.pid}-${port}`;
  const home = mkdtempSync(join(tmpdir(), 'alliance-graph-own-neo4j-'));
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = (): Promise<void> => {
    if (child) return Promise.reject(new Error('Neo4j is already running'));
    const proc = spawn('bash', [join(projectRoot, 'scripts', 'neo4j', 'run.sh')], {
      env: {
        ...process.env,
        NEO4J_PORT: String(port),
        NEO4J_PASSWORD: password,
        NEO4J_HOME_DIR: home,
        NEO4J_HEAP: options.heap ?? '512m',
        NEO4J_PAGECACHE_MB: String(options.pageCacheMb ?? 32),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    exited = new Promise((resolve) =>
      proc.once('exit', () => {
        if (child === proc) child = null;
        resolve();
      }),
    );
    let out = '';
    let err = '';
    proc.stderr!.on('data', (b: Buffer) => {
      err = (err + b.toString()).slice(-4000);
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`Neo4j not ready within ${options.startTimeoutMs ?? 240_000} ms:\n${err}`));
      }, options.startTimeoutMs ?? 240_000);
      proc.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        if (/^NEO4J_PASSWORD=/m.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the Neo4j launcher exited (${code ?? signal}) before it was ready:\n${err}`));
      });
    });
  };

  const kill = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const done = exited;
    proc.kill(signal);
    await done;
  };

  return {
    port,
    uri: `neo4j://127.0.0.1:${port}`,
    user: 'neo4j',
    password,
    get pid() {
      return child?.pid ?? null;
    },
    start,
    kill,
    stop: () => kill('SIGTERM'),
    async dispose() {
      await kill('SIGTERM');
      rmSync(home, { recursive: true, force: true });
    },
  };
}
