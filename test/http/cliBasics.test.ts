/**
 * The command line's everyday edges (issue 25): `--version`; an unknown command named as such
 * (not "too many arguments for 'serve'"); `.env` in the working directory read, the environment
 * winning over it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

/** The built CLI (as the npm scripts run it), in `cwd`. */
const cli = (args: string[], env: Record<string, string> = {}, cwd = projectRoot) =>
  spawnSync(process.execPath, [join(projectRoot, 'dist/src/cli.js'), ...args], {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the command line', () => {
  beforeAll(() => {
    expect(spawnSync(process.execPath, ['scripts/buildIfStale.mjs', '--quiet'], { cwd: projectRoot }).status).toBe(0);
  });

  it('--version prints the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = cli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it('an unknown command is named, with the nearest command, not blamed on serve', () => {
    const r = cli(['exprot', 'gexf']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown command 'exprot'/);
    expect(r.stderr).toMatch(/Did you mean export\?/);
    expect(r.stderr).not.toMatch(/serve/);
  });

  it('reads .env from the working directory; a variable set in the environment wins', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'alliance-dotenv-'));
    writeFileSync(join(cwd, '.env'), '# as .env.example says\nDATA_SETS=nope\n');
    const fromFile = cli(['serve'], {}, cwd);
    expect(fromFile.status).toBe(2);
    expect(fromFile.stderr).toMatch(/configuration error: DATA_SETS must be all, none or a list .* unknown: nope/);
    // The environment's DATA_SETS wins; the command then fails further on, on the missing graph.
    const fromEnv = cli(['export', 'cytoscape', '--at', '1914'], { DATA_SETS: 'none', DATA_DIR: cwd }, cwd);
    expect(fromEnv.stderr).not.toMatch(/DATA_SETS/);
    expect(fromEnv.stderr).toMatch(/there is no graph at .* yet: start the server once \(npm start\)/);
    expect(fromEnv.status).toBe(1);
  });
});
