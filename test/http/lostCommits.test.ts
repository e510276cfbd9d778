/**
 * Issue 28 §5: a truncated or deleted write-ahead log lost committed transactions without a trace.
 * Grafeo keeps commits in `<file>.wal/` until the database is closed; a process that dies leaves
 * them there only. Here a store is written and, still open (as at a crash), its file and the
 * marker beside it are copied without the WAL: the copy opens, and the loss is named.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openExecutor } from '../../src/openExecutor.js';
import { startServer } from '../../src/server.js';
import { EMBEDDED_FILE } from '../../src/store/openStore.js';
import { commitMarkerPath } from '../../src/store/commitMarker.js';
import { importDataSetRecord } from '../../src/store/queries.gen.js';

const configFor = (dir: string) => loadConfig({ DATA_DIR: dir, DATA_SETS: 'none' });

function capturingLogger() {
  const lines: { level: number; msg: string; lostDataSets?: string[] }[] = [];
  const logger = pino({ level: 'warn' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}

async function writeDataSet(dir: string, name: string) {
  const executor = await openExecutor(configFor(dir));
  await executor.transaction('test', (tx) =>
    tx.run(importDataSetRecord, {
      name,
      version: '1.0',
      files: ['mine.csv'],
      sha256: ['ab'.repeat(32)],
      rows: 3,
      loadedAt: new Date().toISOString(),
      citation: 'A data set imported from another path',
      coverageFrom: null,
      coverageTo: null,
    }),
  );
  return executor;
}

describe('committed transactions lost with the WAL', () => {
  it('a copy without its WAL (as after a crash and a deleted WAL) opens with a warning naming the lost data set, on /readyz too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grafeo-wal-'));
    const executor = await writeDataSet(dir, 'my-data');
    const file = join(dir, EMBEDDED_FILE);
    expect(existsSync(`${file}.wal`), 'Grafeo keeps commits in <file>.wal until closed').toBe(true);
    expect(readdirSync(`${file}.wal`).length).toBeGreaterThan(0);
    const crashed = mkdtempSync(join(tmpdir(), 'grafeo-crashed-'));
    cpSync(file, join(crashed, EMBEDDED_FILE));
    cpSync(commitMarkerPath(file), commitMarkerPath(join(crashed, EMBEDDED_FILE)));
    await executor.store.close();

    const { logger, lines } = capturingLogger();
    const reopened = await openExecutor(configFor(crashed), logger, { readOnly: true });
    try {
      expect(reopened.commitLoss?.lostDataSets).toEqual(['my-data']);
      const warning = lines.find((l) => /lost committed transactions/.test(l.msg));
      expect(warning?.level).toBe(40);
      expect(warning?.msg).toMatch(/data version is 0, 1 was committed/);
      expect(warning?.msg).toMatch(/Data sets lost: my-data 1\.0\./);
      expect(warning?.lostDataSets).toEqual(['my-data']);

      const server = await startServer({
        executor: reopened,
        limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100 },
        port: 0,
        host: '127.0.0.1',
      });
      try {
        const res = await fetch(new URL('/readyz', server.url));
        const body = (await res.json()) as { status: string; lostCommits?: { lostDataSets: string[] } };
        expect(res.status).toBe(200);
        expect(body.lostCommits?.lostDataSets).toEqual(['my-data']);
      } finally {
        await server.stop();
      }
    } finally {
      await reopened.store.close();
    }
  });

  it('a store closed cleanly (its WAL folded into the file) opens without a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grafeo-wal-'));
    const executor = await writeDataSet(dir, 'my-data');
    await executor.store.close();
    expect(existsSync(join(dir, `${EMBEDDED_FILE}.wal`))).toBe(false);
    const { logger, lines } = capturingLogger();
    const reopened = await openExecutor(configFor(dir), logger, { readOnly: true });
    expect(reopened.commitLoss).toBeNull();
    expect(lines).toEqual([]);
    await reopened.store.close();
  });
});
