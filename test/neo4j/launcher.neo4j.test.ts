/**
 * The local Neo4j launcher (scripts/neo4j, what `npm run neo4j` and .ci/run start) on a machine where
 * the Bolt port is taken (issue 25: a user's own Neo4j Desktop on 7687): a port given and in use
 * stops it with one line naming NEO4J_PORT, no stack trace; without NEO4J_PORT it picks a free port;
 * and its temporary data folder is gone after every exit, a failed start included.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { neo4jRequired } from '../helpers/testStore.js';

const runSh = join(projectRoot, 'scripts', 'neo4j', 'run.sh');
const launcher = join(projectRoot, 'scripts', 'neo4j', 'target', 'neo4j-launcher.jar');
// Built by .ci/run (and by `npm run neo4j`); on CI its absence fails the test.
const skipReason =
  existsSync(launcher) || neo4jRequired
    ? null
    : 'skipped: the Neo4j launcher is not built (bash scripts/neo4j/run.sh --build-only)';

const env = (extra: Record<string, string>) => ({
  ...process.env,
  NEO4J_PORT: '',
  NEO4J_HOME_DIR: '',
  NEO4J_HEAP: '512m',
  NEO4J_PAGECACHE_MB: '32',
  ...extra,
});

/** Holds a port on 127.0.0.1 (7687 if it is free, as a user's own Neo4j would). */
async function holdPort(): Promise<{ server: Server; port: number }> {
  for (const port of [7687, 0]) {
    const server = createServer();
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return { server, port: (server.address() as { port: number }).port };
  }
  throw new Error('cannot hold a port');
}

describe.skipIf(skipReason !== null)(
  `the Neo4j launcher beside a taken port${skipReason ? ` (${skipReason})` : ''}`,
  () => {
    let held: { server: Server; port: number };
    beforeAll(async () => {
      held = await holdPort();
    });
    afterAll(() => {
      held?.server.close();
    });

    it('NEO4J_PORT in use: one line saying so and what to set, exit 1, nothing left in TMPDIR', () => {
      const tmp = mkdtempSync(join(tmpdir(), 'alliance-launcher-'));
      const r = spawnSync('bash', [runSh], {
        env: env({ NEO4J_PORT: String(held.port), TMPDIR: tmp }),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([
        `neo4j-launcher: port ${held.port} on 127.0.0.1 is already in use (another Neo4j, such as Neo4j Desktop?): set NEO4J_PORT to a free port, or leave it unset to pick one`,
      ]);
      expect(readdirSync(tmp)).toEqual([]);
    });

    it('a start that fails once its home exists says why in one line and deletes the home', () => {
      const tmp = mkdtempSync(join(tmpdir(), 'alliance-launcher-'));
      const r = spawnSync('bash', [runSh], {
        env: env({ NEO4J_PAGECACHE_MB: '-1', TMPDIR: tmp }),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^neo4j-launcher: Neo4j home .*alliance-graph-neo4j-\d+ \(deleted on exit\)$/);
      expect(lines.slice(1)).toEqual([expect.stringMatching(/^neo4j-launcher: Neo4j did not start: \w+: .*bytes/)]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(tmp)).toEqual([]);
    });

    it('without NEO4J_PORT it starts on a free port, not the taken one; SIGTERM deletes its home', async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'alliance-launcher-'));
      const proc = spawn('bash', [runSh], { env: env({ TMPDIR: tmp }), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
      proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
      const t0 = performance.now();
      while (!/^NEO4J_PASSWORD=/m.test(out)) {
        if (proc.exitCode !== null) throw new Error(`the launcher exited (${proc.exitCode}):\n${err}`);
        if (performance.now() - t0 > 240_000) throw new Error(`not ready after 240 s:\n${err}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const port = Number(/^NEO4J_URI=neo4j:\/\/127\.0\.0\.1:(\d+)$/m.exec(out)?.[1]);
      expect(port).toBeGreaterThan(0);
      expect(port).not.toBe(held.port);
      expect(readdirSync(tmp)).toHaveLength(1);
      proc.kill('SIGTERM');
      // 143 = 128 + SIGTERM: the JVM's status once its shutdown hooks (the launcher's clean stop) ran.
      expect(await exited).toBe(143);
      expect(err).toMatch(/neo4j-launcher: stopping\nneo4j-launcher: stopped\n$/);
      expect(readdirSync(tmp)).toEqual([]);
    }, 300_000);
  },
);
