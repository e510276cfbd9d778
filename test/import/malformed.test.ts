/**
 * A malformed file is rejected with a message naming file, line and column (or byte offset: invalid
 * UTF-8, mixed line endings), and leaves the graph as it was — both when the problem is found while reading (before any write) and when a write fails
 * half-way through the transaction. Corrupted copies are made in a temp dir from the real files.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset, ImportFileError, DatasetNotFoundError } from '../../src/import/index.js';
import { partialDate } from '../../src/import/dates.js';
import { QueryExecutor } from '../../src/store/QueryExecutor.js';
import type { GraphStore } from '../../src/store/GraphStore.js';
import { storeCounts, storeWithCowStates, type StoreCounts } from '../helpers/importFixture.js';
import { sharedDataDir as dataDir, hasSharedData as haveData, requireDataOrSkip } from '../helpers/sharedData.js';

requireDataOrSkip();

/** A copy of a data set's folder with one file rewritten by `corrupt`. */
function corruptedCopy(folder: string, file: string, corrupt: (text: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'alliance-import-')), folder);
  mkdirSync(dir, { recursive: true });
  for (const f of [
    'atop5_1a.csv',
    'atop5_1aph.csv',
    'atop5_1m.csv',
    'MIDA_4.3.csv',
    'MIDB_4.3.csv',
    'NMC-60-abridged.csv',
  ]) {
    try {
      copyFileSync(join(dataDir, folder, f), join(dir, f));
    } catch {
      /* not in this folder */
    }
  }
  writeFileSync(join(dir, file), corrupt(readFileSync(join(dataDir, folder, file), 'utf8')));
  return dir;
}

const replaceLine = (n: number, edit: (line: string) => string) => (text: string) =>
  text
    .split('\n')
    .map((l, i) => (i === n - 1 ? edit(l) : l))
    .join('\n');

describe.skipIf(!haveData)('malformed files are rejected and change nothing', () => {
  let ex: QueryExecutor;
  let before: StoreCounts;
  beforeAll(async () => {
    ({ ex, before } = await storeWithCowStates());
  });

  it('a wrong header: names the file, line 1 and the missing column', async () => {
    const dir = corruptedCopy(
      'atop-5.1',
      'atop5_1m.csv',
      replaceLine(1, (l) => l.replace('yrent', 'year_entered')),
    );
    await expect(importDataset(ex, 'atop', dir)).rejects.toThrow(
      /atop5_1m\.csv, line 1: wrong header: missing column yrent/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a bad value in a row: names file, line and column', async () => {
    const dir = corruptedCopy(
      'cow-nmc-6.0',
      'NMC-60-abridged.csv',
      replaceLine(101, (l) =>
        l
          .split(',')
          .map((c, i) => (i === 9 ? 'abc' : c))
          .join(','),
      ),
    );
    const err = await importDataset(ex, 'nmc', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).message).toMatch(
      /^NMC-60-abridged\.csv, line 101, column cinc \(10\): expected a number, found "abc"$/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a row with a missing cell (ragged CSV): names file and line', async () => {
    const dir = corruptedCopy(
      'cow-mid-4.3',
      'MIDB_4.3.csv',
      replaceLine(2000, (l) => l.slice(0, l.lastIndexOf(','))),
    );
    await expect(importDataset(ex, 'mid', dir)).rejects.toThrow(
      /MIDB_4\.3\.csv, line 2000.*wrong number of cells|MIDB_4\.3\.csv, line 2000/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('an impossible date: names the column', async () => {
    const dir = corruptedCopy(
      'atop-5.1',
      'atop5_1a.csv',
      replaceLine(3, (l) => l.replace(/^(\d+,,,\d+,)\d+,/, '$113,')),
    );
    await expect(importDataset(ex, 'atop', dir)).rejects.toThrow(
      /atop5_1a\.csv, line 3, column begyr \(4\): bad date: month 13 is out of range/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a failure half-way through the writes rolls the whole data set back', async () => {
    // The store fails on the 4th statement of the transaction (after the source, treaties, phases and
    // stub states were written in it): the Grafeo transaction must roll all of them back.
    let calls = 0;
    const failing: GraphStore = {
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
              run: async (text, params, t) => {
                const rows = await tx.run(text, params, t);
                if (++calls === 4) throw new Error('simulated store failure');
                return rows;
              },
            }),
          tag,
        ),
    };
    const flaky = new QueryExecutor(failing, ex.registry);
    await expect(importDataset(flaky, 'atop', join(dataDir, 'atop-5.1'))).rejects.toThrow('simulated store failure');
    expect(calls).toBe(4);
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a CRLF file with one line ending in a bare LF (records would merge): refused with file, line and byte offset', async () => {
    // NMC-60-abridged.csv ends its lines with CRLF; line 5000 is Switzerland 1919, the record that
    // vanished (merged into the next) when the bare LF was taken for cell data.
    const dir = corruptedCopy(
      'cow-nmc-6.0',
      'NMC-60-abridged.csv',
      replaceLine(5000, (l) => l.replace(/\r$/, '')),
    );
    const text = readFileSync(join(dir, 'NMC-60-abridged.csv'));
    const offset = text.indexOf('SWZ,225,1919,') + text.subarray(text.indexOf('SWZ,225,1919,')).indexOf(0x0a);
    const err = await importDataset(ex, 'nmc', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).message).toBe(
      `NMC-60-abridged.csv, line 5000, byte offset ${offset}: the line ends with a bare LF (\\n) but line 1 (and the lines before this one) end with CRLF (\\r\\n): mixed line endings would merge records; convert the file to one line ending`,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a non-UTF-8 file (a Latin-1 byte): refused with file, line and byte offset, never stored as U+FFFD', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'alliance-import-')), 'cow-states');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(dataDir, 'cow-states', 'majors2016.csv'), join(dir, 'majors2016.csv'));
    const original = readFileSync(join(dataDir, 'cow-states', 'cow_states.csv'));
    const at = original.indexOf('Wuerttemburg') + 1; // "Wü..." in Latin-1: 0xFC where "ue" was
    const latin1 = Buffer.concat([original.subarray(0, at), Buffer.from([0xfc]), original.subarray(at + 2)]);
    writeFileSync(join(dir, 'cow_states.csv'), latin1);
    const err = await importDataset(ex, 'cow-states', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).message).toMatch(
      new RegExp(
        `^cow_states\\.csv, line 65, byte offset ${at}: invalid UTF-8 \\(byte 0xfc cannot start a character\\)`,
      ),
    );
    expect((err as ImportFileError).line).toBe(65);
    expect((err as ImportFileError).offset).toBe(at);
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a truncated UTF-8 character split across the end of the file is refused too', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'alliance-import-')), 'rivalries');
    mkdirSync(dir, { recursive: true });
    const original = readFileSync(join(dataDir, 'rivalries', 'td_rivalries.csv'));
    writeFileSync(join(dir, 'td_rivalries.csv'), Buffer.concat([original, Buffer.from([0xc3])]));
    await expect(importDataset(ex, 'rivalries', dir)).rejects.toThrow(
      /td_rivalries\.csv, line \d+, byte offset \d+: invalid UTF-8 \(the file ends inside a character\)/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('the error line is the real one: a quoted cell spanning two lines moves the later lines down', async () => {
    const dir = corruptedCopy('cow-nmc-6.0', 'NMC-60-abridged.csv', (text) =>
      replaceLine(101, (l) =>
        l
          .split(',')
          .map((c, i) => (i === 9 ? 'abc' : c))
          .join(','),
      )(replaceLine(10, (l) => l.replace(/^USA,/, '"U\r\nSA",'))(text)),
    );
    await expect(importDataset(ex, 'nmc', dir)).rejects.toThrow(
      /^NMC-60-abridged\.csv, line 102, column cinc \(10\): expected a number, found "abc"$/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a corrupt .csv.gz is refused naming the file and where its gzip data fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alliance-import-gz-'));
    writeFileSync(
      join(dir, 'leeds-savun-threat.csv.gz'),
      Buffer.concat([gzipSync(readFileSync(join(dataDir, 'threat', 'leeds-savun-threat.csv'))).subarray(0, 2000)]),
    );
    await expect(importDataset(ex, 'threat', dir)).rejects.toThrow(
      /^leeds-savun-threat\.csv\.gz: cannot read .*unexpected end of file \(gzip data damaged at or before compressed byte 2000 of 2000 read\)/,
    );
    expect(await storeCounts(ex)).toEqual(before);
  });

  it('a missing data set names what it looked for', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'alliance-import-empty-'));
    await expect(importDataset(ex, 'mid', empty)).rejects.toBeInstanceOf(DatasetNotFoundError);
    await expect(importDataset(ex, 'mid', empty)).rejects.toThrow(/dispute-level file \(MIDA_4\.3\.csv\)/);
  });

  /** The NMC file with cell `col` (0-based) of line `n` set to `value`. */
  const nmcWith = (n: number, col: number, value: string) =>
    corruptedCopy(
      'cow-nmc-6.0',
      'NMC-60-abridged.csv',
      replaceLine(n, (l) =>
        l
          .split(',')
          .map((c, i) => (i === col ? value : c))
          .join(','),
      ),
    );
  const nmcError = async (dir: string) => {
    const err = await importDataset(ex, 'nmc', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(await storeCounts(ex)).toEqual(before);
    return (err as Error).message;
  };

  it("NMC: ccode -9 (COW's missing code) and 99999 are refused with line and column, not made States -9 and 99999", async () => {
    expect(await nmcError(nmcWith(50, 1, '-9'))).toMatch(
      /^NMC-60-abridged\.csv, line 50, column ccode \(2\): a value is required here, found the missing-value code -9$/,
    );
    expect(await nmcError(nmcWith(60, 1, '99999'))).toMatch(/line 60, column ccode \(2\): 99999 is outside 1–999$/);
  });

  it('NMC: years 1e3, 1000 and 99999999999999999999 are refused, not stored as 1000 and 1e20', async () => {
    expect(await nmcError(nmcWith(70, 2, '1e3'))).toMatch(
      /line 70, column year \(3\): expected an integer, found "1e3"$/,
    );
    expect(await nmcError(nmcWith(71, 2, '1000'))).toMatch(/line 71, column year \(3\): 1000 is outside 1816–2100$/);
    expect(await nmcError(nmcWith(72, 2, '99999999999999999999'))).toMatch(
      /line 72, column year \(3\): integer out of range: "99999999999999999999"$/,
    );
  });

  it('NMC: a negative CINC or a CINC over 1 is refused', async () => {
    expect(await nmcError(nmcWith(80, 9, '-0.5'))).toMatch(/line 80, column cinc \(10\): -0\.5 is outside 0–1$/);
    expect(await nmcError(nmcWith(81, 9, '1.5'))).toMatch(/line 81, column cinc \(10\): 1\.5 is outside 0–1$/);
  });

  it('NMC: a header-only file is refused (it would have recorded the data set as 0 rows)', async () => {
    const dir = corruptedCopy('cow-nmc-6.0', 'NMC-60-abridged.csv', (t) => `${t.split('\n')[0]}\n`);
    expect(await nmcError(dir)).toMatch(/^NMC-60-abridged\.csv, line 2: no data rows: an empty data set is refused/);
  });

  it('a 2 MB cell is refused at its line, not read into memory whole', async () => {
    const dir = nmcWith(90, 0, 'x'.repeat(2_000_000));
    expect(await nmcError(dir)).toMatch(/^NMC-60-abridged\.csv, line 90\b.*(max_record_size|record size|1000000)/i);
  });
});

describe('partial dates', () => {
  const bad = (w: string): never => {
    throw new Error(w);
  };
  it('keep what is known, with its precision; unknown parts are never invented', () => {
    expect(partialDate(1949, 4, 4, bad)).toEqual({ date: '1949-04-04', precision: 'DAY' });
    expect(partialDate(1902, 7, null, bad)).toEqual({ date: '1902-07-01', precision: 'MONTH' });
    expect(partialDate(1815, 0, 0, bad)).toEqual({ date: '1815-01-01', precision: 'YEAR' });
    expect(partialDate(null, 4, 4, bad)).toBeNull();
    expect(partialDate(0, 0, 0, bad)).toBeNull();
    expect(() => partialDate(1900, 2, 29, bad)).toThrow(/day 29 does not exist/);
  });
});
