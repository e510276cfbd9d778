/**
 * The two readings of a file (src/import/csv.ts: `streamCsv` validates, `rereadCsv` writes inside the
 * transaction): the second must see the bytes the first saw, or the import fails with
 * IMPORT_FILE_CHANGED and the store is unchanged; large steps are streamed, not held; a file with
 * several problems names the one the check-by-check reading named; the ATOP varying obligations are
 * the same whether or not the member file keeps each alliance's rows together.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, importDataset, ImportFileError, type ProgressReporter } from '../../src/import/index.js';
import { QueryExecutor } from '../../src/store/QueryExecutor.js';
import type { GraphStore } from '../../src/store/GraphStore.js';
import { emptyEmbedded } from '../helpers/testStore.js';
import { storeCounts, storeWithCowStates, type StoreCounts } from '../helpers/importFixture.js';
import { sharedDataDir as dataDir, hasSharedData as haveData, requireDataOrSkip } from '../helpers/sharedData.js';
import * as q from '../../src/store/queries.gen.js';

requireDataOrSkip();

/** A copy of NMC in a temp dir, its modification time set to a whole second (so it can be set back exactly). */
function nmcCopy(): { dir: string; file: string; mtime: number } {
  const dir = join(mkdtempSync(join(tmpdir(), 'alliance-import-twice-')), 'cow-nmc-6.0');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'NMC-60-abridged.csv');
  copyFileSync(join(dataDir, 'cow-nmc-6.0', 'NMC-60-abridged.csv'), file);
  const mtime = 1_700_000_000;
  utimesSync(file, mtime, mtime);
  return { dir, file, mtime };
}

/** A progress reporter that runs `between` when the write begins: after the first reading, before the second. */
const between = (edit: () => void): ProgressReporter => ({ start: edit, advance() {}, stop() {} });

describe.skipIf(!haveData)('the second reading sees what the first saw', () => {
  let ex: QueryExecutor;
  let before: StoreCounts;
  beforeAll(async () => {
    ({ ex, before } = await storeWithCowStates());
  });

  it('a file changed between the readings (same size, same modification time): IMPORT_FILE_CHANGED by sha256, the store unchanged', async () => {
    const { dir, file, mtime } = nmcCopy();
    const progress = between(() => {
      // A still valid file: one digit of a CINC value changed, the size and mtime kept.
      const text = readFileSync(file, 'latin1');
      const at = text.indexOf('0.039697491');
      writeFileSync(file, `${text.slice(0, at)}0.039697492${text.slice(at + 11)}`, 'latin1');
      utimesSync(file, mtime, mtime);
    });
    const err = await importDataset(ex, 'nmc', dir, { progress }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('IMPORT_FILE_CHANGED');
    expect((err as ImportFileError).message).toMatch(
      /^NMC-60-abridged\.csv: the file changed while it was being imported \(sha256 [0-9a-f]{64} when checked, [0-9a-f]{64} when read again to write\); nothing was written/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a file replaced by a malformed one between the readings: IMPORT_FILE_CHANGED before anything is written, the store unchanged', async () => {
    const { dir, file } = nmcCopy();
    const progress = between(() => writeFileSync(file, `${readFileSync(file, 'utf8')}USA,2,2017,abc\r\n`));
    const ran: string[] = [];
    const store: GraphStore = {
      ...ex.store,
      kind: ex.store.kind,
      read: (t, p, g) => ex.store.read(t, p, g),
      write: (t, p, g) => ex.store.write(t, p, g),
      health: () => ex.store.health(),
      close: async () => {},
      transaction: (work, tag) =>
        ex.store.transaction(
          (tx) =>
            work({
              run: (text, params, t) => {
                ran.push(text);
                return tx.run(text, params, t);
              },
            }),
          tag,
        ),
    };
    const err = await importDataset(new QueryExecutor(store, ex.registry), 'nmc', dir, { progress }).catch(
      (e: unknown) => e,
    );
    expect((err as ImportFileError).code).toBe('IMPORT_FILE_CHANGED');
    expect((err as ImportFileError).message).toMatch(
      /^NMC-60-abridged\.csv: the file changed while it was being imported \(\d+ bytes modified at .* when checked, \d+ bytes modified at .* when read again to write\)/,
    );
    expect(ran.some((q) => q.includes('Capability'))).toBe(false);
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('an unchanged file imports (the same sha256 both times) and is recorded with it', async () => {
    const { dir } = nmcCopy();
    const s = await importDataset(ex, 'nmc', dir);
    expect(s.rowsWritten).toBeGreaterThan(15_000);
    const [record] = await ex.store.read("MATCH (d:DataSet {name: 'nmc'}) RETURN d.sha256 AS sha256", {}, 'record');
    expect(record!.sha256).toEqual(s.sha256);
  });
});

describe.skipIf(!haveData)('prepare keeps no rows of large files', () => {
  it('the state-year and member steps are streamed from the files, not held', async () => {
    const nmc = await DATASETS.nmc.prepare({ nmc: join(dataDir, 'cow-nmc-6.0', 'NMC-60-abridged.csv') });
    const caps = nmc.steps.find((s) => s.query === q.importCapabilities)!;
    expect(Array.isArray(caps.rows)).toBe(false);
    expect((caps.rows as { count: number }).count).toBe(nmc.rowsRead);
    const atop = await DATASETS.atop.prepare({
      alliances: join(dataDir, 'atop-5.1', 'atop5_1a.csv'),
      phases: join(dataDir, 'atop-5.1', 'atop5_1aph.csv'),
      members: join(dataDir, 'atop-5.1', 'atop5_1m.csv'),
    });
    expect(atop.steps.filter((s) => Array.isArray(s.rows)).map((s) => s.query.name)).toEqual(['importStubStates']);
  });
});

describe.skipIf(!haveData)('checks report what the check-by-check reading reported', () => {
  it('a file with a bad cell on line 20 and a duplicate state-year on line 50 names the duplicate (uniqueness is checked first)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'alliance-import-two-errors-')), 'cow-nmc-6.0');
    mkdirSync(dir, { recursive: true });
    const lines = readFileSync(join(dataDir, 'cow-nmc-6.0', 'NMC-60-abridged.csv'), 'utf8').split('\n');
    lines[19] = lines[19]!
      .split(',')
      .map((c, i) => (i === 9 ? 'abc' : c))
      .join(',');
    lines[49] = lines[48]!;
    writeFileSync(join(dir, 'NMC-60-abridged.csv'), lines.join('\n'));
    await expect(importDataset(await emptyEmbedded(), 'nmc', dir)).rejects.toThrow(
      /^NMC-60-abridged\.csv, line 50, column year \(3\): duplicate state-year \[\d+,\d+\] \(first on line 49\)$/,
    );
  });
});

describe.skipIf(!haveData)('ATOP varying obligations need all members of a phase', () => {
  const members = async (ex: QueryExecutor) =>
    (
      await ex.store.read(
        'MATCH (s:State)-[m:MEMBER_OF]->(t:Treaty) RETURN t.atopId AS atopId, s.ccode AS ccode, m.phase AS phase, toString(m.entry) AS entry, m.varying AS varying, m.owedTo AS owedTo, m.obligations AS obligations',
        {},
        'members',
      )
    )
      .map((r) => JSON.stringify(r))
      .sort();

  it("a member file that does not keep an alliance's rows together gives the same memberships", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'alliance-import-atop-order-')), 'atop-5.1');
    mkdirSync(dir, { recursive: true });
    for (const f of ['atop5_1a.csv', 'atop5_1aph.csv']) copyFileSync(join(dataDir, 'atop-5.1', f), join(dir, f));
    const text = readFileSync(join(dataDir, 'atop-5.1', 'atop5_1m.csv'), 'utf8');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(eol);
    const last = lines[lines.length - 1] === '' ? lines.pop() : undefined;
    // Move the later rows of the first alliance to the end (their order among themselves kept).
    const first = lines[1]!.split(',')[0];
    const block = lines.slice(1).findIndex((l) => l.split(',')[0] !== first) + 1;
    expect(block).toBeGreaterThan(3);
    const moved = lines.splice(3, block - 3);
    lines.push(...moved);
    if (last !== undefined) lines.push(last);
    writeFileSync(join(dir, 'atop5_1m.csv'), lines.join(eol));

    // One store at a time: on Neo4j (STORE=neo4j) every test store is the same database.
    const ordered = await emptyEmbedded();
    await importDataset(ordered, 'atop', join(dataDir, 'atop-5.1'));
    const a = await members(ordered);
    expect(a.some((r) => JSON.parse(r).varying.length > 0)).toBe(true);
    const shuffled = await emptyEmbedded();
    await importDataset(shuffled, 'atop', dir);
    expect(await members(shuffled)).toEqual(a);
  });
});
