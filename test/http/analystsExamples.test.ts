/**
 * The shell lines of the export examples in the docs, run as written, beside a running server on the
 * same DATA_DIR (issue 25: `npm run export … > dyads.csv` put npm's banner above the header, and an
 * export beside `npm start` failed on the store's lock). Each `npm run … export …` line of a `sh`
 * block in README.md and docs/*.md runs in bash in a folder of its own (npm pointed at the project,
 * as when typed in it); the files it writes are read back with the test suite's CSV reader
 * (csv-parse) and graphology's GEXF parser. A write command beside the server says in one line what
 * to do.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiUndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf/node/index.js';
import { projectRoot } from '../../src/paths.js';
import { IMPORT_ORDER } from '../../src/import/registry.js';

/** The `npm run … export …` lines of the `sh` blocks of the README and docs/, with their file. */
function exportLines(): { doc: string; line: string }[] {
  const docs = [
    'README.md',
    ...readdirSync(join(projectRoot, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f)),
  ];
  return docs.flatMap((doc) =>
    [...readFileSync(join(projectRoot, doc), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
      block[1]!
        .split('\n')
        .filter((l) => /^npm run (-s )?export\b/.test(l))
        .map((line) => ({ doc, line })),
    ),
  );
}

const env = (dataDir: string) => ({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0' });
const csv = (file: string) =>
  parseCsv(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describe('the export examples of the docs, beside a running server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'alliance-docs-'));
  const cwd = mkdtempSync(join(tmpdir(), 'alliance-docs-out-'));
  const lines = exportLines();
  let server: ChildProcess;
  let serverOut = '';
  const exited = () => new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

  beforeAll(async () => {
    // As `npm start` does: build what changed, then serve (seed and published data sets on a fresh store).
    expect(spawnSync(process.execPath, ['scripts/buildIfStale.mjs', '--quiet'], { cwd: projectRoot }).status).toBe(0);
    server = spawn(process.execPath, [join(projectRoot, 'dist/src/cli.js'), 'serve'], {
      cwd: projectRoot,
      env: { ...env(dataDir), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d: Buffer) => (serverOut += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (serverOut += d.toString()));
    const t0 = performance.now();
    while (!/GraphQL:\s+\S+/.test(serverOut)) {
      if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode}:\n${serverOut}`);
      if (performance.now() - t0 > 240_000) throw new Error(`serve not ready after 240 s:\n${serverOut}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 300_000);

  afterAll(async () => {
    if (server?.exitCode === null) {
      const code = exited();
      server.kill('SIGTERM');
      await code;
    }
  });

  it('without a terminal, the first start logs the seed and each data set as it finishes, before it serves', () => {
    const ready = serverOut.indexOf('GraphQL:');
    const logged = serverOut
      .slice(0, ready)
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; dataset?: string });
    expect(logged[0]?.msg).toBe('empty store: loading the curated seed');
    expect(logged.filter((l) => l.msg === 'published data set imported').map((l) => l.dataset)).toEqual([
      ...IMPORT_ORDER,
    ]);
  });

  it('the docs show the four exports to files (options series twice) and one redirected with npm run -s', () => {
    expect(lines.map((l) => /^npm run (-s )?export -- \S+/.exec(l.line)?.[0])).toEqual([
      'npm run export -- gexf',
      'npm run export -- dyad-year',
      'npm run export -- state-year',
      'npm run export -- options-series',
      'npm run export -- options-series',
      'npm run -s export -- dyad-year',
    ]);
  });

  it('each line, run as written while the server runs, writes exactly the file: CSV that parses, GEXF that reads', () => {
    for (const { doc, line } of lines) {
      // npm pointed at the project from a folder of the test's own: INIT_CWD, `--out` and `>` land there.
      const r = spawnSync('bash', ['-c', `npm() { command npm --prefix "$ROOT" "$@"; }\n${line}`], {
        cwd,
        env: { ...env(dataDir), ROOT: projectRoot },
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(r.status, `${doc}: ${line}\n${r.stderr}`).toBe(0);
    }
    const dyads = csv(join(cwd, 'dyads.csv'));
    expect(Object.keys(dyads[0]!).slice(0, 4)).toEqual(['ccode1', 'ccode2', 'year', 'atop_defense']);
    expect(new Set(dyads.map((d) => d.year))).toEqual(new Set(Array.from({ length: 15 }, (_, i) => String(1900 + i))));
    expect(dyads.find((d) => d.ccode1 === '255' && d.ccode2 === '300' && d.year === '1914')?.atop_defense).toBe('1');
    const redirected = csv(join(cwd, 'dyads-1914.csv'));
    expect(redirected).toEqual(dyads.filter((d) => d.year === '1914'));

    const stateYears = csv(join(cwd, 'atop-state-years.csv'));
    expect(Object.keys(stateYears[0]!).slice(0, 3)).toEqual(['state', 'year', 'atopally']);
    const years = stateYears.map((r) => Number(r.year));
    expect([Math.min(...years), Math.max(...years)]).toEqual([1815, 2018]);

    // Without a range, the years the alliance data cover: 1815–2018, a row a year.
    const options = csv(join(cwd, 'britain-options.csv'));
    expect(options).toHaveLength(2018 - 1815 + 1);
    expect(new Set(options.map((o) => o.ccode))).toEqual(new Set(['200']));
    const italy = csv(join(cwd, 'italy-cold-war.csv'));
    expect(italy).toHaveLength(1990 - 1950 + 1);
    expect(new Set(italy.map((o) => o.ccode))).toEqual(new Set(['325']));

    // A dynamic GEXF: graphology-gexf reads only its last <attributes> block per class (graph/README.md).
    const gexf = parseGexf(MultiUndirectedGraph, readFileSync(join(cwd, 'alliances.gexf'), 'utf8'), {
      allowUndeclaredAttributes: true,
    });
    expect(gexf.order).toBeGreaterThan(50);
    expect(gexf.size).toBeGreaterThan(100);
  }, 600_000);

  it('a write command beside the server says in one line what to do, and leaves the server serving', () => {
    for (const command of [['seed'], ['import', 'atop', join(projectRoot, 'seed', 'published')]]) {
      const r = spawnSync(process.execPath, [join(projectRoot, 'dist/src/cli.js'), ...command], {
        cwd: projectRoot,
        env: env(dataDir),
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(1);
      const stderr = r.stderr.trim();
      expect(stderr.split('\n'), stderr).toHaveLength(1);
      expect(stderr).toMatch(
        new RegExp(`^${command[0]}: the store .* is in use by a running server .*stop the server`),
      );
    }
    expect(server.exitCode).toBeNull();
  }, 120_000);

  it('the server stops on SIGTERM with exit code 0', async () => {
    const code = exited();
    server.kill('SIGTERM');
    expect(await code).toBe(0);
  }, 30_000);
});
