/**
 * Issue 15, start-up: a port already in use is reported in one clear line after the store is
 * opened (no raw stack), and the process exits 1 having closed the store.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

describe('serve start-up errors', () => {
  it('EADDRINUSE: "port … is already in use", exit 1, no stack', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
        cwd: projectRoot,
        env: {
          ...process.env,
          LOG_LEVEL: 'silent',
          DATA_DIR: mkdtempSync(join(tmpdir(), 'alliance-port-')),
          PORT: String(port),
          DATA_SETS: 'none',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
      });
      child.stderr!.on('data', (d) => {
        out += d;
      });
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code, out).toBe(1);
      expect(out).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      expect(out).not.toMatch(/\n\s+at |node:net|\.ts:\d+/);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
