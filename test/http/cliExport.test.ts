/** The `seed` and `export` commands end to end, as `npm run seed` / `npm run export` run them. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { releaseInfo } from '../../src/releaseInfo.js';
import { EXPORT_NAMES } from '../../src/export/formats.js';

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
    const named = `dyad-years-1914-1914-v${releaseInfo().version}.csv`;
    expect(readdirSync(folder)).toEqual([named]);
    expect(readFileSync(join(folder, named), 'utf8')).toMatch(/^ccode1,ccode2,year,/);
    // --out into a folder that does not exist yet: created, and the file written there.
    const outDir = mkdtempSync(join(tmpdir(), 'alliance-out-'));
    const file = join(outDir, 'new', 'folder', 'dyads.csv');
    const toFile = cli(['export', 'dyad-year', '--at', '1914', '--out', file], { DATA_DIR });
    expect(toFile.status, toFile.stderr).toBe(0);
    expect(toFile.stderr).toMatch(/export: dyad-year written to .*dyads\.csv in/);
    expect(readFileSync(file, 'utf8')).toMatch(/^ccode1,ccode2,year,/);
    // A file that cannot be written (its folder is a file): one line, exit 1, no stack.
    const blocked = cli(['export', 'dyad-year', '--at', '1914', '--out', join(file, 'x.csv')], { DATA_DIR });
    expect(blocked.status).toBe(1);
    expect(blocked.stderr.trim().split('\n')).toHaveLength(1);
    expect(blocked.stderr).toMatch(/^error: .*dyads\.csv/);
  }, 120_000);

  it('refuses a bad export request with a message and exit code 2', () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'alliance-cli-'));
    const bad = cli(['export', 'gexf', '--at', '1914-02-30'], { DATA_DIR });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/at: "1914-02-30" is not a calendar date/);
    const unknown = cli(['export', 'pdf', '--at', '1914'], { DATA_DIR });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown export format "pdf"/);
    expect(unknown.stderr).toContain(`use one of ${EXPORT_NAMES.join(', ')}`);
    expect(EXPORT_NAMES).toContain('options-series');
    const help = cli(['export', '--help'], { DATA_DIR });
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(EXPORT_NAMES.join(' | '));
  }, 60_000);
});
