/**
 * The clients nobody here wrote that the release tests run: frictionless-py, pandas and pyarrow (one
 * Python), and cffconvert (its own virtual environment: it pins jsonschema 3, frictionless needs 4).
 * .ci/run installs them. Without them the tests skip with the reason in their title, and fail instead
 * when CI=true, as the tests needing Chromium do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export const python = process.env.PYTHON ?? 'python3';
export const toolsRequired = process.env.CI === 'true';

const probe = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return r.status === 0;
};

/** Why the Python data tests cannot run here, or null when they can. */
export const pythonSkipReason: string | null = probe(python, ['-c', 'import frictionless, pandas, pyarrow'])
  ? null
  : `skipped: ${python} lacks frictionless, pandas or pyarrow (pip install frictionless pandas pyarrow)`;

/** cffconvert: $CFFCONVERT, the virtual environment .ci/run makes, or the one on PATH. */
export const cffconvert =
  process.env.CFFCONVERT ??
  [join(projectRoot, '.venv-cffconvert', 'bin', 'cffconvert')].find((p) => existsSync(p)) ??
  'cffconvert';
export const cffconvertSkipReason: string | null = probe(cffconvert, ['--version'])
  ? null
  : 'skipped: cffconvert is not installed (python3 -m venv .venv-cffconvert && .venv-cffconvert/bin/pip install cffconvert)';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end without blocking the event loop (two can run at once). */
export function run(
  cmd: string,
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
