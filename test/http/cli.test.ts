/**
 * The `serve` command end to end, as `npm start` runs it: a fresh DATA_DIR is seeded, the server
 * listens on the port given, a second server on the same DATA_DIR serves too (both read the file
 * under a shared lock once it is loaded), and SIGTERM stops each cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Explorer: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
  url.catch(() => undefined); // a server expected to fail is awaited through `exited`
  return { child, url, exited, output: () => out };
}

describe('serve', () => {
  it('seeds an empty DATA_DIR, serves, serves a second server on it read-only, stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'alliance-serve-'));
    const first = serve({ DATA_DIR: dataDir, PORT: '0' });
    const base = await first.url;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${base}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ negotiations(filter: {outcome: NONAGREEMENT}) { totalCount } }' }),
    });
    const body = (await res.json()) as { data: { negotiations: { totalCount: number } } };
    expect(body.data.negotiations.totalCount).toBeGreaterThan(0);

    const second = serve({ DATA_DIR: dataDir, PORT: '0' });
    const other = await second.url;
    expect(other).not.toBe(base);
    expect((await fetch(`${other}readyz`)).status).toBe(200);

    for (const s of [first, second]) {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  }, 60_000);
});
