/**
 * Issue 28 §4, every importer: a wrong value (a ccode outside the COW codes or a missing-value code
 * where one is required, a year outside the data set's span, an integer written as 1e3, a negative
 * count) is refused with file, line and column, and leaves the store as it was; a header-only file is
 * refused; a re-import of a file with one row removed removes that row (NMC, threat, rivalries). Runs
 * on the store under test (embedded or Neo4j). The fixtures are a few rows of the shipped files,
 * written into a temp dir by the test.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDataset, ImportFileError } from '../../src/import/index.js';
import type { DatasetName } from '../../src/import/types.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { storeCounts, writeFixture, type Fixture } from '../helpers/importFixture.js';
import { emptyTestStore } from '../helpers/testStore.js';
import { fileRows, hasSharedData, requireDataOrSkip } from '../helpers/sharedData.js';

requireDataOrSkip();

type Rows = Record<string, string>[];

const rowsOf = (rel: string) => (hasSharedData ? fileRows(rel) : []);

/** The first `n` rows of a shipped file. */
const head = (rel: string, n: number) => rowsOf(rel).slice(0, n);
/** The rows of a shipped file whose `column` is one of `keys`. */
const whose = (rel: string, column: string, keys: Rows, keyColumn = column) => {
  const set = new Set(keys.map((k) => k[keyColumn]));
  return rowsOf(rel).filter((r) => set.has(r[column]));
};

const write = (fixture: Fixture) => writeFixture(fixture, 'alliance-refused-');

/** A copy of `fixture` with cell `column` of data row `i` (0-based; file line i + 2) set to `value`. */
function withCell(fixture: Fixture, file: string, i: number, column: string, value: string): Fixture {
  expect(Object.keys(fixture[file]![i]!)).toContain(column);
  return { ...fixture, [file]: fixture[file]!.map((r, j) => (j === i ? { ...r, [column]: value } : r)) };
}

/** The 1-based position of `column` in `file`'s header, as the error names it. */
const position = (fixture: Fixture, file: string, column: string) =>
  Object.keys(fixture[file]![0]!).indexOf(column) + 1;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!hasSharedData)('imports refuse wrong data (issue 28 §4)', () => {
  const fixtures = (): Record<DatasetName, Fixture> => {
    // The first states, and two more major powers (the first states hold one: the United States).
    const states = rowsOf('cow-states/cow_states.csv').filter((r, i) => i < 12 || ['200', '220'].includes(r.ccode!));
    const disputes = head('cow-mid-4.3/MIDA_4.3.csv', 8);
    const alliances = head('atop-5.1/atop5_1a.csv', 4);
    const battles = head('cdb90/battles.csv', 5);
    return {
      'cow-states': {
        'cow_states.csv': states,
        'majors2016.csv': whose('cow-states/majors2016.csv', 'ccode', states),
      },
      nmc: { 'NMC-60-abridged.csv': head('cow-nmc-6.0/NMC-60-abridged.csv', 20) },
      threat: { 'leeds-savun-threat.csv': head('threat/leeds-savun-threat.csv', 20).filter((r) => r.ccode !== '') },
      rivalries: {
        'td_rivalries.csv': head('rivalries/td_rivalries.csv', 10),
        'tss_rivalries.csv': head('rivalries/tss_rivalries.csv', 10),
      },
      'cow-wars': { 'Inter-StateWarData_v4.0.csv': head('cow-war-4.0/Inter-StateWarData_v4.0.csv', 12) },
      mid: {
        'MIDA_4.3.csv': disputes,
        'MIDB_4.3.csv': whose('cow-mid-4.3/MIDB_4.3.csv', 'dispnum3', disputes),
      },
      atop: {
        'atop5_1a.csv': alliances,
        'atop5_1aph.csv': whose('atop-5.1/atop5_1aph.csv', 'atopid', alliances),
        'atop5_1m.csv': whose('atop-5.1/atop5_1m.csv', 'atopid', alliances),
      },
      cdb90: {
        'battles.csv': battles,
        'belligerents.csv': whose('cdb90/belligerents.csv', 'isqno', battles),
        'battle_dyads.csv': whose('cdb90/battle_dyads.csv', 'isqno', battles),
      },
    };
  };

  /** Per importer: the file, row, column and value that must be refused, and the problem named. */
  const bad: [DatasetName, string, number, string, string, RegExp][] = [
    ['cow-states', 'cow_states.csv', 3, 'ccode', '99999', /99999 is outside 1–999$/],
    ['cow-states', 'majors2016.csv', 0, 'styear', '99999999999999999999', /integer out of range/],
    ['nmc', 'NMC-60-abridged.csv', 4, 'ccode', '-9', /found the missing-value code -9$/],
    ['threat', 'leeds-savun-threat.csv', 5, 'year', '1e3', /expected an integer, found "1e3"$/],
    ['threat', 'leeds-savun-threat.csv', 6, 'ccode', '99999', /99999 is outside 1–999$/],
    ['rivalries', 'td_rivalries.csv', 2, 'ccode1', '-9', /found the missing-value code -9$/],
    ['rivalries', 'tss_rivalries.csv', 3, 'start', '1000', /1000 is outside 1400–2100$/],
    ['cow-wars', 'Inter-StateWarData_v4.0.csv', 5, 'BatDeath', '-5', /-5 is outside 0–/],
    ['cow-wars', 'Inter-StateWarData_v4.0.csv', 6, 'StartYear1', '1e3', /expected an integer, found "1e3"$/],
    ['mid', 'MIDB_4.3.csv', 1, 'ccode', '99999', /99999 is outside 1–999$/],
    ['mid', 'MIDA_4.3.csv', 2, 'styear', '1700', /1700 is outside 1816–2100$/],
    ['atop', 'atop5_1m.csv', 1, 'member', '99999', /99999 is outside 1–9999$/],
    ['atop', 'atop5_1a.csv', 0, 'begyr', '1700', /1700 is outside 1815–2100$/],
    ['cdb90', 'belligerents.csv', 2, 'cas', '-3', /-3 is outside 0–/],
    ['cdb90', 'battles.csv', 1, 'isqno', '1.5', /expected an integer, found "1\.5"$/],
  ];

  let ex: QueryExecutor;
  let all: Record<DatasetName, Fixture>;
  beforeAll(async () => {
    ex = await emptyTestStore();
    all = fixtures();
    // Every fixture imports as it is (the shipped rows are valid), so a refusal below is the bad cell's.
    for (const name of ['cow-states', 'nmc', 'threat', 'rivalries', 'cow-wars', 'mid', 'atop', 'cdb90'] as const)
      await importDataset(ex, name, write(all[name]));
  });

  it.each(bad)(
    '%s: %s row %i, %s = %s is refused with file, line and column; the store is unchanged',
    async (name, file, i, column, value, problem) => {
      const before = await storeCounts(ex);
      const err = await importDataset(ex, name, write(withCell(all[name], file, i, column, value))).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ImportFileError);
      const where = `${esc(file)}, line ${i + 2}, column ${esc(column)} \\(${position(all[name], file, column)}\\): `;
      expect((err as Error).message).toMatch(new RegExp(`^${where}`));
      expect((err as Error).message).toMatch(problem);
      expect(await storeCounts(ex)).toEqual(before);
    },
  );

  it.each(['threat', 'mid', 'atop'] as const)(
    '%s: a header-only file is refused, the store is unchanged',
    async (name) => {
      const before = await storeCounts(ex);
      const fixture = all[name];
      const file = Object.keys(fixture).at(-1)!;
      const dir = write(fixture);
      writeFileSync(join(dir, file), `${Object.keys(fixture[file]![0]!).join(',')}\n`);
      await expect(importDataset(ex, name, dir)).rejects.toThrow(
        new RegExp(`^${esc(file)}, line 2: no data rows: an empty data set is refused`),
      );
      expect(await storeCounts(ex)).toEqual(before);
    },
  );

  const count = async (label: string) => (await storeCounts(ex)).nodes.find((n) => n.label === label)?.count ?? 0;
  const relCount = async (type: string) => (await storeCounts(ex)).rels.find((r) => r.type === type)?.count ?? 0;

  it.each([
    ['nmc', 'NMC-60-abridged.csv', 'Capability', 7],
    ['threat', 'leeds-savun-threat.csv', 'ThreatScore', 3],
    ['rivalries', 'td_rivalries.csv', 'Rivalry', 4],
  ] as const)('%s: a re-import of %s with one row removed removes it (%s)', async (name, file, label, drop) => {
    const fixture = all[name];
    await importDataset(ex, name, write(fixture), { force: true });
    const before = await count(label);
    expect(before).toBeGreaterThan(0);
    const fewer = { ...fixture, [file]: fixture[file]!.filter((_, j) => j !== drop) };
    const summary = await importDataset(ex, name, write(fewer));
    expect(summary.alreadyLoaded).toBe(false);
    expect(await count(label)).toBe(before - 1);
    // Importing the full file again brings the row back.
    await importDataset(ex, name, write(fixture));
    expect(await count(label)).toBe(before);
  });

  it('mid: a re-import with one MIDB row removed removes that participation, one MIDA dispute removed removes the dispute', async () => {
    const fixture = all.mid;
    await importDataset(ex, 'mid', write(fixture), { force: true });
    const disputes = await count('Dispute');
    const participations = await relCount('PARTICIPATED_IN');
    expect(participations).toBe(fixture['MIDB_4.3.csv']!.length);
    const fewerB = { ...fixture, 'MIDB_4.3.csv': fixture['MIDB_4.3.csv']!.filter((_, j) => j !== 2) };
    await importDataset(ex, 'mid', write(fewerB));
    expect(await relCount('PARTICIPATED_IN')).toBe(participations - 1);
    expect(await count('Dispute')).toBe(disputes);
    const gone = fixture['MIDA_4.3.csv']![5]!.dispnum3;
    const fewerA = {
      'MIDA_4.3.csv': fixture['MIDA_4.3.csv']!.filter((r) => r.dispnum3 !== gone),
      'MIDB_4.3.csv': fixture['MIDB_4.3.csv']!.filter((r) => r.dispnum3 !== gone),
    };
    await importDataset(ex, 'mid', write(fewerA));
    expect(await count('Dispute')).toBe(disputes - 1);
    expect(await relCount('PARTICIPATED_IN')).toBe(fewerA['MIDB_4.3.csv'].length);
  });

  it('cow-states: a re-import without one major-power spell or one membership spell removes that spell; the state stays', async () => {
    const fixture = all['cow-states'];
    await importDataset(ex, 'cow-states', write(fixture), { force: true });
    const states = await count('State');
    const spells = await relCount('IN_SYSTEM');
    const majors = await relCount('MAJOR_POWER');
    expect(spells).toBe(fixture['cow_states.csv']!.length);
    expect(majors).toBe(fixture['majors2016.csv']!.length);
    const majorCcodes = new Set(fixture['majors2016.csv']!.map((r) => r.ccode));
    const minor = fixture['cow_states.csv']!.findIndex((r) => !majorCcodes.has(r.ccode));
    const fewer = {
      'cow_states.csv': fixture['cow_states.csv']!.filter((_, j) => j !== minor),
      'majors2016.csv': fixture['majors2016.csv']!.slice(1),
    };
    await importDataset(ex, 'cow-states', write(fewer));
    expect(await relCount('IN_SYSTEM')).toBe(spells - 1);
    expect(await relCount('MAJOR_POWER')).toBe(majors - 1);
    expect(await count('State')).toBe(states);
  });
});
