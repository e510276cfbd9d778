/** The `seed` and `export` commands end to end, as `npm run seed` / `npm run export` run them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { releaseInfo } from '../../src/releaseInfo.js';

const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('CLI seed and export', () => {
  it('seeds a DATA_DIR twice with the same counts, then exports the network of 1914 as Cytoscape JSON', () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'alliance-cli-'));
    const first = cli(['seed'], { DATA_DIR });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/seed loaded in \d+ ms: \d+ negotiations/);
    const again = cli(['seed'], { DATA_DIR });
    expect(again.stdout.replace(/\d+ ms/, '')).toBe(first.stdout.replace(/\d+ ms/, ''));
    const out = cli(['export', 'cytoscape', '--at', '1914-06-28'], { DATA_DIR });
    expect(out.status, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout) as { elements: { nodes: { data: { id: string } }[]; edges: unknown[] } };
    expect(json.elements.nodes.length).toBeGreaterThan(10);
    expect(json.elements.edges.length).toBeGreaterThan(0);
    // --out naming a folder: the file is named after the export and the record's release (a CSV has no other place for it).
    const folder = mkdtempSync(join(tmpdir(), 'alliance-out-'));
    const csv = cli(['export', 'dyad-year', '--from', '1914', '--to', '1914', '--out', folder], { DATA_DIR });
    expect(csv.status, csv.stderr).toBe(0);
    const file = `dyad-years-1914-1914-v${releaseInfo().version}.csv`;
    expect(readdirSync(folder)).toEqual([file]);
    expect(readFileSync(join(folder, file), 'utf8')).toMatch(/^ccode1,ccode2,year,/);
  }, 120_000);

  it('refuses a bad export request with a message and exit code 2', () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'alliance-cli-'));
    const bad = cli(['export', 'gexf', '--at', '1914-02-30'], { DATA_DIR });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/at: "1914-02-30" is not a calendar date/);
    const unknown = cli(['export', 'pdf', '--at', '1914'], { DATA_DIR });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown export format "pdf"/);
  }, 60_000);
});
