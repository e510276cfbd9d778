/**
 * Start-up failures are clear and quick: an unreachable Neo4j, a missing password, an embedded
 * database file already in use. Nothing hangs. And `npm start` on an empty DATA_DIR seeds and imports
 * the shipped published data sets (DATA_SETS), and a later start imports nothing again.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, Neo4jStore, GrafeoStore } from '../../src/store/index.js';
import { StoreUnavailableError } from '../../src/errors/index.js';
import { projectRoot } from '../../src/paths.js';

describe('store start-up errors', () => {
  it('an unreachable Neo4j fails fast with STORE_UNAVAILABLE naming the URI', async () => {
    const t0 = Date.now();
    const err = await Neo4jStore.connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', connectionTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).extensions.code).toBe('STORE_UNAVAILABLE');
    expect((err as Error).message).toMatch(/cannot reach bolt:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - t0).toBeLessThan(15000);
  });

  it('STORE=neo4j without a password is refused before connecting', async () => {
    await expect(openStore({ store: 'neo4j', dataDir: '', neo4j: { uri: 'neo4j://localhost', user: 'neo4j', password: '' } }))
      .rejects.toThrow(/NEO4J_PASSWORD is not set/);
  });

  it('an embedded database already open in this process is reported, not corrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grafeo-lock-'));
    const first = await openStore({ store: 'embedded', dataDir: dir, neo4j: { uri: '', user: '', password: '' } });
    try {
      expect(() => GrafeoStore.open({ path: join(dir, 'alliance.grafeo') })).toThrow(/another server or import using the same DATA_DIR/);
    } finally {
      await first.close();
    }
    const again = GrafeoStore.open({ path: join(dir, 'alliance.grafeo') });
    expect((await again.health()).ok).toBe(true);
    await again.close();
  });
});

/** Runs `npm start` until it serves; returns the GraphQL URL, the time to ready and a stop function. */
async function npmStart(env: Record<string, string>): Promise<{ graphql: string; ms: number; output: () => string; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: projectRoot, env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => { try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ } await exited; };
  for (;;) {
    const m = /GraphQL:\s+(\S+)/.exec(out);
    if (m) return { graphql: m[1]!, ms: performance.now() - t0, output: () => out, stop };
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${out}`);
    if (performance.now() - t0 > 170_000) { await stop(); throw new Error(`npm start not ready after 170 s:\n${out}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function dataSets(graphql: string) {
  const r = await fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ dataSets { name version rows loadedAt sha256 } }' }) });
  const body = await r.json() as { data: { dataSets: { name: string; version: string; rows: number; loadedAt: string; sha256: string[] }[] } };
  return body.data.dataSets;
}

describe('npm start on a fresh DATA_DIR', () => {
  it('seeds, imports the shipped data sets of DATA_SETS, serves; a second start imports nothing again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-start-'));
    const env = { DATA_DIR: dir, DATA_SETS: 'cow-states,rivalries' };
    const first = await npmStart(env);
    let loaded;
    try {
      loaded = await dataSets(first.graphql);
      expect(loaded.map((d) => d.name)).toEqual(['cow-states', 'rivalries']);
      expect(loaded.find((d) => d.name === 'cow-states')!.rows).toBe(257);
    } finally { await first.stop(); }
    const second = await npmStart(env);
    try {
      expect(await dataSets(second.graphql)).toEqual(loaded);
    } finally { await second.stop(); }
    console.log(`npm start: first (seed + 2 data sets) ${Math.round(first.ms)} ms, second ${Math.round(second.ms)} ms`);
  }, 400_000);
});
