/** `export options-series` on the command line, on its own embedded store (DATA_DIR). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { projectRoot } from '../../src/paths.js';

const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', DATA_SETS: 'none', ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });

describe('export options-series on the command line', () => {
  it('writes the CSV of a seeded store; bad arguments exit 2 with a message', () => {
    const DATA_DIR = mkdtempSync(join(tmpdir(), 'alliance-options-'));
    const seeded = cli(['seed'], { DATA_DIR });
    expect(seeded.status, seeded.stderr).toBe(0);
    const out = cli(['export', 'options-series', '--state', '200', '--from', '1900', '--to', '1902'], { DATA_DIR });
    expect(out.status, out.stderr).toBe(0);
    const rows = parseCsv(out.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.ccode, r.step, r.year, r.at])).toEqual([
      ['200', 'YEAR', '1900', '1900-07-01'],
      ['200', 'YEAR', '1901', '1901-07-01'],
      ['200', 'YEAR', '1902', '1902-07-01'],
    ]);
    const eras = cli(['export', 'options-series', '--state', '200', '--step', 'ERA'], { DATA_DIR });
    expect(eras.status, eras.stderr).toBe(0);
    expect(parseCsv(eras.stdout, { columns: true })).toHaveLength(8);
    const bad = cli(['export', 'options-series', '--state', '200', '--from', '1949', '--to', '1900'], { DATA_DIR });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/from \(1949\) is after to \(1900\)/);
    const noState = cli(['export', 'options-series'], { DATA_DIR });
    expect(noState.status).toBe(2);
    expect(noState.stderr).toMatch(/state is required/);
  }, 240_000);
});
