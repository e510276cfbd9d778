/**
 * The dyad-year export against ATOP's dyad-year rules (codebook §2.6–2.7) on the whole record (the
 * curated seed plus every published data set, one store for the file), with rows checked by hand
 * against atop5_1m.csv: the Britain–France–Sweden treaty of 1855 (alone, on a store holding only that
 * alliance, and in the whole record), the Triple Alliance in 1882–1888 with its phase change of
 * 20 February 1887 and the sourced correction of src/import/atopDyadCorrections.ts, NATO in 1949, the
 * counts of alliances of dyads with several, `atop_shareob`, peacesciencer's COW system rule (no
 * dyad-year for two states never in the system on the same day), the shared targets against
 * `sharedTargets`, the CSV text against the rows, and a property over 1816–1949: the non-directed
 * obligations of every allied dyad-year are the OR of its two directed rows.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  DYAD_YEAR_COLUMNS,
  dyadYearRows,
  writeDyadYearCsv,
  type DyadYearRow,
} from '../../src/export/dyadYear.export.js';
import { sharedTargets } from '../../src/analysis/sharedTargets.js';
import { portfolioSimilarity } from '../../src/analysis/measures.js';
import { importDataset } from '../../src/import/index.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { emptyEmbedded } from '../helpers/testStore.js';
import { projectRoot } from '../../src/paths.js';
import {
  fileRows,
  hasSharedData,
  sharedDataDir,
  sharedDataRequired,
  sharedDataSkipReason,
} from '../helpers/sharedData.js';

if (!hasSharedData && sharedDataRequired)
  throw new Error(`dyad-year tests need the published data sets in CI: ${sharedDataSkipReason}`);

const OBLIGATION_COLUMNS = ['atop_defense', 'atop_offense', 'atop_neutral', 'atop_nonagg', 'atop_consul'] as const;
/** The five obligation columns of a row as a string, e.g. "10001" for defense and consultation. */
const obligations = (r: DyadYearRow | undefined) => (r ? OBLIGATION_COLUMNS.map((c) => r[c]).join('') : 'no row');
const key = (a: number, b: number, year: number) => `${a}-${b}-${year}`;

async function collect(
  ex: QueryExecutor,
  from: number,
  to: number,
  directed: boolean,
  keep: (r: DyadYearRow) => boolean = () => true,
) {
  const rows = new Map<string, DyadYearRow>();
  let count = 0;
  for await (const r of dyadYearRows(ex, from, to, { directed })) {
    count += 1;
    if (keep(r)) rows.set(key(r.ccode1 as number, r.ccode2 as number, r.year as number), r);
  }
  return { rows, count };
}

/** Rows of a file shipped in seed/published (gzipped). */
const publishedRows = (rel: string) =>
  parseCsv(gunzipSync(readFileSync(join(projectRoot, 'seed', 'published', rel))), { columns: true }) as Record<
    string,
    string
  >[];

const allied = (r: DyadYearRow) => r.treaties !== '' || r.atop_number !== 0;

describe.skipIf(!hasSharedData)(
  `dyad-year export: ATOP's dyad rules${sharedDataSkipReason ? ` (${sharedDataSkipReason})` : ''}`,
  () => {
    let ex: QueryExecutor;
    let nd: Map<string, DyadYearRow>;
    let dir: Map<string, DyadYearRow>;
    let ndCount = 0;
    let dirCount = 0;
    const row = (a: number, b: number, year: number) => nd.get(key(Math.min(a, b), Math.max(a, b), year));
    const drow = (a: number, b: number, year: number) => dir.get(key(a, b, year));

    beforeAll(async () => {
      ex = await seededAndImported();
      ({ rows: nd, count: ndCount } = await collect(ex, 1816, 1949, false, allied));
      ({ rows: dir, count: dirCount } = await collect(ex, 1816, 1949, true, allied));
    }, 240_000);

    it("columns: peacesciencer's names, then ATOP's other dyadic columns with the same prefix", () => {
      expect([...DYAD_YEAR_COLUMNS]).toEqual([
        'ccode1',
        'ccode2',
        'year',
        'atop_defense',
        'atop_offense',
        'atop_neutral',
        'atop_nonagg',
        'atop_consul',
        'atop_shareob',
        'atop_transyr',
        'atop_bilatno',
        'atop_multino',
        'atop_number',
        'atop_asymm',
        'atop_ids',
        'treaties',
        'shared_targets',
        'portfolio_s',
      ]);
      expect(dirCount).toBe(2 * ndCount);
    });

    it('1855 in the whole record: Sweden is owed defense by Britain and France, and owes them consultation', () => {
      expect(obligations(row(200, 380, 1855))).toBe('10001');
      expect(obligations(row(220, 380, 1855))).toBe('10001');
      expect(obligations(drow(200, 380, 1855))).toBe('10001');
      expect(obligations(drow(380, 200, 1855))).toBe('00001');
      expect(obligations(drow(380, 220, 1855))).toBe('00001');
      // Britain and France were also allied in the Crimean War alliances (ATOP 1160, 1165): defense there.
      expect(String(row(200, 220, 1855)!.atop_ids).split(';')).toEqual(['1160', '1165', '1180', '1190']);
    });

    it('the Triple Alliance (ATOP 1350): 1882–1886 defense, neutrality and consultation, no offense', () => {
      for (let y = 1882; y <= 1886; y++) {
        for (const [a, b] of [
          [255, 325],
          [300, 325],
        ] as const) {
          expect(row(a, b, y)?.atop_ids, `${a}-${b} ${y}`).toBe('1350');
          expect(obligations(row(a, b, y)), `${a}-${b} ${y}`).toBe('10101');
          expect(obligations(drow(a, b, y))).toBe('10101');
          expect(obligations(drow(b, a, y))).toBe('10101');
        }
        expect(row(255, 300, y)!.atop_offense, `255-300 ${y}`).toBe(0);
        expect(String(row(255, 300, y)!.atop_ids).split(';')).toContain('1350');
      }
      expect(row(255, 325, 1882)!.atop_transyr).toBe(1); // signed 20 May 1882
      expect(row(255, 325, 1884)).toMatchObject({
        atop_transyr: 0,
        atop_asymm: 0,
        atop_number: 1,
        atop_multino: 1,
        atop_bilatno: 0,
        atop_shareob: null,
      });
    });

    it("the Triple Alliance from the renewal of 20 February 1887: Germany's offense is owed to Italy only (the sourced correction)", () => {
      // 1887: phase 1 ends and phase 2 begins on 20 February; the dyads' commitments change in the year.
      for (const [a, b] of [
        [255, 325],
        [255, 300],
        [300, 325],
      ] as const)
        expect(row(a, b, 1887)!.atop_transyr, `${a}-${b}`).toBe(1);
      expect(row(255, 325, 1887)!.atop_asymm).toBe(1);
      for (const y of [1887, 1888]) {
        expect(drow(255, 325, y)!.atop_offense, `255→325 ${y}`).toBe(1);
        expect(drow(325, 255, y)!.atop_offense, `325→255 ${y}`).toBe(0);
        expect(row(255, 325, y)!.atop_offense, `255-325 ${y}`).toBe(1);
      }
      // 1888: no commitment of 1350 starts or ends, and no other alliance of the two gives offense.
      expect(drow(255, 300, 1888)!.atop_offense).toBe(0);
      expect(drow(300, 255, 1888)!.atop_offense).toBe(0);
      expect(row(255, 300, 1888)!.atop_offense).toBe(0);
      expect(obligations(drow(325, 255, 1888)).startsWith('10')).toBe(true);
    });

    it('NATO, 1949 (ATOP 3180): defense, non-aggression and consultation between the original members, from 4 April', () => {
      for (const [a, b] of [
        [2, 200],
        [2, 20],
        [20, 390],
        [2, 325],
        [325, 385],
      ] as const) {
        const r = row(a, b, 1949)!;
        expect(obligations(r), `${a}-${b}`).toBe('10011');
        expect(String(r.atop_ids).split(';'), `${a}-${b}`).toContain('3180');
        expect(r.atop_transyr, `${a}-${b}`).toBe(1);
        expect(obligations(drow(a, b, 1949))).toBe('10011');
        expect(obligations(drow(b, a, 1949))).toBe('10011');
      }
      expect(row(2, 20, 1949)).toMatchObject({
        atop_ids: '3180',
        atop_number: 1,
        atop_multino: 1,
        atop_bilatno: 0,
        atop_asymm: 0,
        treaties: 'north-atlantic-treaty',
      });
      // Britain and France also had the Dunkirk and Brussels treaties (offense among their obligations).
      expect(obligations(row(200, 220, 1949))).toBe('11011');
      // Greece and Turkey joined in 1952: no tie with the United States in 1949.
      expect(row(2, 350, 1949)?.atop_ids ?? '').not.toContain('3180');
    });

    it('number, bilatno and multino count the ATOP alliances of the year, checked against atop5_1m.csv', () => {
      const members = fileRows('atop-5.1/atop5_1m.csv');
      const iso = (y: string, m: string, d: string) =>
        y === '0' || y === ''
          ? null
          : `${y.padStart(4, '0')}-${(m === '0' || m === '' ? '1' : m).padStart(2, '0')}-${(d === '0' || d === '' ? '1' : d).padStart(2, '0')}`;
      // By hand: the alliances in which both are members of one phase on a common day of the year.
      const shared = (a: number, b: number, year: number) => {
        const spells = (c: number) =>
          members
            .filter((r) => Number(r.member) === c)
            .map((r) => ({
              id: Number(r.atopid),
              phase: r.phase,
              bilat: r.bilat === '1',
              start: iso(r.yrent!, r.moent!, r.dayent!)!,
              end: iso(r.yrexit!, r.moexit!, r.dayexit!) ?? '9999-12-31',
            }));
        const ids = new Map<number, boolean>();
        for (const x of spells(a))
          for (const z of spells(b)) {
            if (x.id !== z.id || x.phase !== z.phase) continue;
            const s = [x.start, z.start, `${year}-01-01`].sort()[2]!;
            const e = [x.end, z.end, `${year}-12-31`].sort()[0]!;
            if (s <= e) ids.set(x.id, x.bilat);
          }
        return ids;
      };
      // Germany–Austria-Hungary 1888: the Dual Alliance (1335, bilateral), the Triple Alliance (1350), the
      // Austro-Romanian treaty Germany acceded to (1355) and the Spanish–Italian notes (1365).
      const cases: [number, number, number, string, number][] = [
        [255, 300, 1888, '1335;1350;1355;1365', 1],
        [200, 220, 1949, '3055;3130;3180', 1],
        [255, 325, 1888, '1350;1355;1365', 0],
      ];
      for (const [a, b, y, ids, bilatno] of cases) {
        const byHand = shared(a, b, y);
        const r = row(a, b, y)!;
        expect(r.atop_ids, `${a}-${b} ${y}`).toBe(ids);
        expect([...byHand.keys()].sort((p, q) => p - q).join(';')).toBe(ids);
        expect(r.atop_number).toBe(byHand.size);
        expect(r.atop_bilatno).toBe(bilatno);
        expect(r.atop_bilatno).toBe([...byHand.values()].filter(Boolean).length);
        expect(r.atop_multino).toBe(byHand.size - bilatno);
      }
    });

    it('atop_shareob: 1 for members of one alliance with no obligation to one another (Britain, France and Spain guaranteeing Portugal, 1847)', () => {
      // ATOP 1120: Britain, France and Spain defend Portugal, which owes nothing; the guarantors owe one another nothing.
      for (const [a, b] of [
        [200, 220],
        [200, 230],
        [220, 230],
      ] as const) {
        expect(row(a, b, 1847), `${a}-${b}`).toMatchObject({ atop_shareob: 1, atop_ids: '1120', atop_number: 1 });
        expect(obligations(row(a, b, 1847))).toBe('00000');
      }
      expect(row(200, 235, 1847)).toMatchObject({ atop_shareob: null, atop_defense: 1 });
      expect(drow(235, 200, 1847)).toMatchObject({ atop_shareob: 1, atop_defense: 0 });
      expect(drow(200, 235, 1847)).toMatchObject({ atop_shareob: null, atop_defense: 1 });
    });

    it('property, 1816–1949: the non-directed obligations of every allied dyad-year are the OR of its two directed rows; the other columns agree', () => {
      let checked = 0;
      for (const r of nd.values()) {
        const a = r.ccode1 as number;
        const b = r.ccode2 as number;
        const y = r.year as number;
        const ab = drow(a, b, y)!;
        const ba = drow(b, a, y)!;
        for (const c of OBLIGATION_COLUMNS)
          expect(r[c], `${a}-${b} ${y} ${c}`).toBe((ab[c] as number) | (ba[c] as number));
        for (const c of [
          'atop_transyr',
          'atop_bilatno',
          'atop_multino',
          'atop_number',
          'atop_asymm',
          'atop_ids',
          'treaties',
          'shared_targets',
          'portfolio_s',
        ] as const) {
          expect(ab[c]).toBe(r[c]);
          expect(ba[c]).toBe(r[c]);
        }
        checked += 1;
      }
      expect(checked).toBeGreaterThan(5000);
      expect(dir.size).toBe(2 * nd.size);
    });

    it("rows: COW system members on a common day of the year (peacesciencer's false dyads are not rows)", async () => {
      // Austria-Hungary left the system on 12 November 1918, Hungary entered on 16 November 1918.
      const { rows } = await collect(ex, 1918, 1918, false);
      expect(rows.has(key(300, 310, 1918))).toBe(false);
      expect(rows.has(key(300, 255, 1918)) || rows.has(key(255, 300, 1918))).toBe(true);
      expect(rows.has(key(255, 310, 1918))).toBe(true);
    });

    it('shared_targets is the number of sharedTargets(ccode1, ccode2, <year>-07-01)', async () => {
      const cases: [number, number, number][] = [
        [200, 220, 1855],
        [255, 300, 1888],
        [2, 200, 1949],
        [220, 365, 1894],
        [365, 740, 1904],
        [200, 255, 1939],
        [230, 235, 1833],
      ];
      for (const [a, b, y] of cases) {
        const r = row(a, b, y) ?? (await collect(ex, y, y, false)).rows.get(key(a, b, y))!;
        expect(r.shared_targets, `${a}-${b} ${y}`).toBe((await sharedTargets(ex, a, b, `${y}-07-01`)).length);
      }
    });

    it('portfolio_s is portfolioSimilarity(ccode1, ccode2, year, S), member-level ties included (alliances whose obligations vary)', async () => {
      const cases: [number, number, number][] = [
        [255, 300, 1914],
        [255, 325, 1888],
        [300, 360, 1890],
        [211, 220, 1930],
        [230, 365, 1834],
        [200, 380, 1855],
        [200, 220, 1847],
        [2, 200, 1949],
        [140, 160, 1860],
      ];
      for (const [a, b, y] of cases) {
        const r = row(a, b, y) ?? (await collect(ex, y, y, false)).rows.get(key(a, b, y))!;
        const expected = (await portfolioSimilarity(ex, a, b, y, 'S')).value!;
        expect(r.portfolio_s, `${a}-${b} ${y}`).toBe(Math.round(expected * 1e6) / 1e6);
      }
    });

    it('the CSV text is the rows, quoted as csv-stringify would, with the header first', async () => {
      let text = '';
      await writeDyadYearCsv(
        ex,
        1887,
        1888,
        new Writable({
          write(chunk: Buffer, _e, done) {
            text += chunk.toString();
            done();
          },
        }),
        { directed: true },
      );
      const { rows } = await collect(ex, 1887, 1888, true);
      const expected = stringify([...rows.values()], {
        header: true,
        columns: [...DYAD_YEAR_COLUMNS],
        cast: { number: (n) => String(n) },
      });
      expect(text).toBe(expected);
      expect(parseCsv(text, { columns: true }).length).toBe(rows.size);
    });
    it("the directed export equals ATOP 5.1's own directed dyad-year file (atop5_1ddyr) in every row it holds, 1816-2018, and claims no alliance the file lacks; the state-year export tells the same story", async () => {
      // The reference ships with the data (seed/published/atop-5.1/atop5_1ddyr_obligations.csv.gz; its
      // bytes are checked against the original by test/import/publishedData.test.ts).
      const k = (a: number, b: number, y: number) => (a * 1000 + b) * 10_000 + y;
      const reference = new Map<number, string>();
      const owedInFile = new Map<number, number[]>(); // (state, -, year) -> partners per obligation bit
      for (const r of publishedRows('atop-5.1/atop5_1ddyr_obligations.csv.gz')) {
        const [a, b, y] = [Number(r.ccode1), Number(r.ccode2), Number(r.year)];
        const v = OBLIGATION_COLUMNS.map((c) => String(Number(r[c]))).join('');
        reference.set(k(a, b, y), v);
      }
      let compared = 0;
      const mismatches: string[] = [];
      const claimsAbsent: string[] = [];
      const implied = new Map<number, number>(); // (state, 0, year) -> obligation bits owed to some partner
      const inUniverse = new Set<number>();
      for await (const r of dyadYearRows(ex, 1816, 2018, { directed: true })) {
        const [a, b, y] = [r.ccode1 as number, r.ccode2 as number, r.year as number];
        const v = obligations(r);
        inUniverse.add(k(a, b, y));
        const bits = parseInt(v, 2);
        if (bits) implied.set(k(a, 0, y), (implied.get(k(a, 0, y)) ?? 0) | bits);
        const ref = reference.get(k(a, b, y));
        if (ref === undefined) {
          if (bits) claimsAbsent.push(`${a}→${b} ${y}: ${v}`);
          continue;
        }
        compared += 1;
        if (ref !== v) mismatches.push(`${a}→${b} ${y}: ATOP ${ref}, export ${v}`);
      }
      expect(compared).toBeGreaterThan(250_000);
      expect(mismatches).toEqual([]);
      expect(claimsAbsent).toEqual([]);

      // One story: a state-year obligation (atop5_1sy, which the state-year export equals) is owed to some
      // partner in the directed rows, or ATOP's own dyadic file owes it only to partners outside the
      // dyad-year universe that year (not in the COW system on a common day; COW's list ends in 2016; a
      // member without a COW code, Annam), or to no one (Germany's defense at Locarno); and the directed
      // rows never imply an obligation the state-year file lacks.
      for (const [key, v] of reference) {
        const a = Math.floor(key / 10_000_000);
        const y = key % 10_000;
        const bits = parseInt(v, 2);
        if (!bits) continue;
        const list = owedInFile.get(k(a, 0, y)) ?? [];
        list.push(key, bits);
        owedInFile.set(k(a, 0, y), list);
      }
      const reasons = { owedInRows: 0, onlyOutsideUniverse: 0, toNoOne: 0 };
      const unexplained: string[] = [];
      for (const r of publishedRows('atop-5.1/atop5_1sy.csv.gz')) {
        const [a, y] = [Number(r.state), Number(r.year)];
        const stated = parseInt(['defense', 'offense', 'neutral', 'nonagg', 'consul'].map((c) => r[c]).join(''), 2);
        const rows = implied.get(k(a, 0, y)) ?? 0;
        if (rows & ~stated) unexplained.push(`${a} ${y}: the directed rows imply ${rows.toString(2)} beyond ${stated}`);
        for (let bit = 16; bit >= 1; bit >>= 1) {
          if (!(stated & bit)) continue;
          if (rows & bit) {
            reasons.owedInRows += 1;
            continue;
          }
          const file = owedInFile.get(k(a, 0, y)) ?? [];
          const partners: number[] = [];
          for (let i = 0; i < file.length; i += 2) if (file[i + 1]! & bit) partners.push(file[i]!);
          if (!partners.length) reasons.toNoOne += 1;
          else if (partners.every((p) => !inUniverse.has(p))) reasons.onlyOutsideUniverse += 1;
          else
            unexplained.push(
              `${a} ${y}: bit ${bit} owed in the file to ${partners.map((p) => Math.floor(p / 10_000) % 1000)}`,
            );
        }
      }
      expect(unexplained).toEqual([]);
      expect(reasons.toNoOne).toBeLessThanOrEqual(22); // France–Annam 1874–1883 (no COW code), Germany at Locarno 1925–1936
      expect(reasons.owedInRows).toBeGreaterThan(reasons.onlyOutsideUniverse);
    }, 240_000);

    // Last: it opens a second store, which on Neo4j (STORE=neo4j) is the same database as the whole record's.
    it("1855, Britain–France–Sweden (ATOP 1190) alone: the codebook's worked case, non-directed and directed", async () => {
      // A store with only that alliance (and the COW system): the dyads' other alliances out of the way.
      const dirOnly = mkdtempSync(join(tmpdir(), 'atop-1190-'));
      for (const f of ['atop5_1a.csv', 'atop5_1aph.csv', 'atop5_1m.csv']) {
        const rows = fileRows(`atop-5.1/${f}`).filter((r) => r.atopid === '1190');
        writeFileSync(join(dirOnly, f), stringify(rows, { header: true }));
      }
      const small = await emptyEmbedded();
      await importDataset(small, 'cow-states', join(sharedDataDir, 'cow-states'));
      await importDataset(small, 'atop', dirOnly);
      const { rows } = await collect(small, 1855, 1855, false);
      const { rows: d } = await collect(small, 1855, 1855, true);
      // Codebook §2.6: "the Britain-Sweden and France-Sweden dyads are coded with both DEFENSE and CONSUL
      // equal to 1, and the Britain-France dyad is coded with only CONSUL equal to 1".
      expect(obligations(rows.get(key(200, 380, 1855)))).toBe('10001');
      expect(obligations(rows.get(key(220, 380, 1855)))).toBe('10001');
      expect(obligations(rows.get(key(200, 220, 1855)))).toBe('00001');
      // They share consultation: SHAREOB is missing, not 1.
      expect(rows.get(key(200, 220, 1855))).toMatchObject({
        atop_shareob: null,
        atop_number: 1,
        atop_multino: 1,
        atop_bilatno: 0,
        atop_asymm: 1,
        atop_transyr: 1,
        atop_ids: '1190',
      });
      // §2.7: "the Britain-Sweden and France-Sweden directed dyads are coded with both DEFENSE and CONSUL
      // equal to 1, and the Britain-France, France-Britain, Sweden-Britain, and Sweden-France directed
      // dyads are coded with only CONSUL equal to 1".
      expect(obligations(d.get(key(200, 380, 1855)))).toBe('10001');
      expect(obligations(d.get(key(220, 380, 1855)))).toBe('10001');
      for (const [a, b] of [
        [200, 220],
        [220, 200],
        [380, 200],
        [380, 220],
      ] as const)
        expect(obligations(d.get(key(a, b, 1855))), `${a}→${b}`).toBe('00001');
      // Dyads outside the alliance are rows with no obligation.
      expect(rows.get(key(2, 200, 1855))).toMatchObject({
        atop_defense: 0,
        atop_consul: 0,
        atop_number: 0,
        atop_shareob: null,
        atop_ids: '',
        treaties: '',
      });
      await small.store.close();
    }, 120_000);
  },
);
