/**
 * The importers on the real published files in ../shared/data: one `import all` into a fresh in-memory
 * Grafeo store (beforeAll), then counts against the files, spot checks, re-import, GraphQL.
 * Without ../shared/data the tests skip, with a message; with CI=true they fail instead.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAll, importDataset, type ImportAllSummary } from '../../src/import/index.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { emptyEmbedded, seededEmbedded } from '../helpers/testStore.js';
import { createTestApi } from '../helpers/testApi.js';
import { projectRoot } from '../../src/paths.js';
import {
  sharedDataDir as dataDir,
  fileRows,
  hasSharedData as haveData,
  requireDataOrSkip,
} from '../helpers/sharedData.js';
import * as q from '../../src/store/queries.gen.js';

requireDataOrSkip();

async function one<T = Record<string, unknown>>(
  ex: QueryExecutor,
  label: string,
  text: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const rows = await ex.store.read(text, params, label);
  return rows[0] as T;
}

describe.skipIf(!haveData)('import all (real files)', () => {
  let ex: QueryExecutor;
  let first: ImportAllSummary;
  let nodes: Map<string, number>;
  let rels: Map<string, number>;

  const countAll = async () => {
    const n = await ex.read(q.countNodesByLabel);
    const r = await ex.read(q.countRelationshipsByType);
    return { nodes: new Map(n.map((x) => [x.label, x.count])), rels: new Map(r.map((x) => [x.type, x.count])) };
  };

  beforeAll(async () => {
    ex = await seededEmbedded();
    first = await importAll(ex, dataDir);
    ({ nodes, rels } = await countAll());
  }, 120_000);

  it('imports every data set, none skipped', () => {
    expect(first.skipped).toEqual([]);
    expect(first.datasets.map((d) => d.dataset)).toEqual([
      'cow-states',
      'nmc',
      'threat',
      'atop',
      'mid',
      'cow-wars',
      'cdb90',
      'rivalries',
    ]);
  });

  it('ATOP: 789 alliances, every phase row and every member row', async () => {
    const alliances = fileRows('atop-5.1/atop5_1a.csv');
    expect(alliances).toHaveLength(789);
    const r = await one<{ n: number }>(ex, 't', 'MATCH (t:Treaty) WHERE t.atopId IS NOT NULL RETURN count(t) AS n');
    expect(r.n).toBe(789);
    expect(nodes.get('TreatyPhase')).toBe(fileRows('atop-5.1/atop5_1aph.csv').length);
    const members = fileRows('atop-5.1/atop5_1m.csv');
    const m = await one<{ n: number }>(
      ex,
      'm',
      'MATCH (:State)-[m:MEMBER_OF]->(t:Treaty) WHERE t.atopId IS NOT NULL AND m.entryPrecision IS NOT NULL RETURN count(m) AS n',
    );
    expect(m.n).toBe(members.length);
  });

  it('COW states: 243 system-membership spells of 217 states, the major-power spells', async () => {
    expect(fileRows('cow-states/cow_states.csv')).toHaveLength(243);
    expect(rels.get('IN_SYSTEM')).toBe(243);
    const s = await one<{ n: number }>(
      ex,
      's',
      'MATCH (s:State) WHERE EXISTS { MATCH (s)-[:IN_SYSTEM]->(:StateSystem) } RETURN count(s) AS n',
    );
    expect(s.n).toBe(217);
    expect(rels.get('MAJOR_POWER')).toBe(fileRows('cow-states/majors2016.csv').length);
  });

  it('NMC, MID, wars, battles, rivalries, threat scores: counts equal the files', () => {
    expect(nodes.get('Capability')).toBe(fileRows('cow-nmc-6.0/NMC-60-abridged.csv').length);
    expect(nodes.get('Dispute')).toBe(fileRows('cow-mid-4.3/MIDA_4.3.csv').length);
    expect(rels.get('PARTICIPATED_IN')).toBe(fileRows('cow-mid-4.3/MIDB_4.3.csv').length);
    const wars = fileRows('cow-war-4.0/Inter-StateWarData_v4.0.csv');
    expect(rels.get('FOUGHT_IN')).toBe(wars.length);
    const cdbWars = new Set(
      fileRows('cdb90/battles.csv')
        .map((b) => b.cow_warno)
        .filter(Boolean),
    );
    const cowWars = new Set(wars.map((w) => w.WarNum));
    expect(nodes.get('War')).toBe(new Set([...cowWars, ...cdbWars]).size);
    expect(nodes.get('Battle')).toBe(fileRows('cdb90/battles.csv').length);
    expect(nodes.get('Belligerent')).toBe(fileRows('cdb90/belligerents.csv').length);
    expect(nodes.get('BattleDyad')).toBe(fileRows('cdb90/battle_dyads.csv').length);
    expect(nodes.get('Rivalry')).toBe(
      fileRows('rivalries/td_rivalries.csv').length + fileRows('rivalries/tss_rivalries.csv').length,
    );
    const ls = fileRows('threat/leeds-savun-threat.csv');
    expect(nodes.get('ThreatScore')).toBe(ls.filter((r) => r.ccode !== '').length);
  });

  it('ATOP 3180 (North Atlantic Treaty): signed 1949-04-04, defense, 2, 200 and 220 among its members', async () => {
    const t = await one<{ signed: string; defense: boolean; obligations: string[]; members: number[] }>(
      ex,
      't',
      'MATCH (t:Treaty {atopId: 3180}) RETURN t.signed AS signed, t.defense AS defense, t.obligations AS obligations, [(s:State)-[:MEMBER_OF]->(t) | s.ccode] AS members',
    );
    expect(t.signed).toBe('1949-04-04');
    expect(t.defense).toBe(true);
    expect(t.obligations).toContain('DEFENSE');
    expect(t.members).toEqual(expect.arrayContaining([2, 200, 220]));
  });

  it('ATOP 1335 (1879, Germany and Austria-Hungary) is directed against a threat posed by Russia (365)', async () => {
    const t = await one<{ year: number; members: number[]; posers: number[] }>(
      ex,
      't',
      'MATCH (t:Treaty {atopId: 1335}) RETURN t.signedYear AS year, [(s:State)-[:MEMBER_OF]->(t) | s.ccode] AS members, [(t)-[:DIRECTED_AGAINST]->(:Threat)-[:POSED_BY]->(p:State) | p.ccode] AS posers',
    );
    expect(t.year).toBe(1879);
    expect(t.members).toEqual(expect.arrayContaining([255, 300]));
    expect(t.posers).toContain(365);
  });

  it('a curated treaty with an ATOP id and the ATOP alliance are one node (curated id kept)', async () => {
    const r = await ex.store.read(
      'MATCH (t:Treaty) WHERE t.atopId IS NOT NULL WITH t.atopId AS a, count(t) AS n WHERE n > 1 RETURN a',
      {},
      'dup',
    );
    expect(r).toEqual([]);
    const s = await ex.store.read('MATCH (s:State) WITH s.ccode AS c, count(s) AS n WHERE n > 1 RETURN c', {}, 'dup');
    expect(s).toEqual([]);
  });

  it('CINC of a state-year equals the file; missing values (-9) are null, not -9 or 0', async () => {
    const row = fileRows('cow-nmc-6.0/NMC-60-abridged.csv').find((r) => r.ccode === '255' && r.year === '1938')!;
    const c = await one<{ cinc: number; milex: number }>(
      ex,
      'c',
      "MATCH (:State {ccode: 255})-[:HAS_CAPABILITY]->(c:Capability {id: '255-1938'}) RETURN c.cinc AS cinc, c.milex AS milex",
    );
    expect(c.cinc).toBe(Number(row.cinc));
    expect(c.milex).toBe(Number(row.milex));
    const missing = fileRows('cow-nmc-6.0/NMC-60-abridged.csv').find((r) => r.milex === '-9')!;
    const m = await one<{ milex: unknown }>(ex, 'm', 'MATCH (c:Capability {id: $id}) RETURN c.milex AS milex', {
      id: `${missing.ccode}-${missing.year}`,
    });
    expect(m.milex).toBeNull();
    const neg = await one<{ n: number }>(
      ex,
      'n',
      'MATCH (d:Dispute) WHERE d.startYear < 0 OR d.fatality = -9 OR d.outcome = -9 RETURN count(d) AS n',
    );
    expect(neg.n).toBe(0);
    const unknownDay = await one<{ p: string }>(
      ex,
      'p',
      "MATCH (d:Dispute {id: 'mid-2'}) RETURN d.startPrecision AS p",
    );
    expect(unknownDay.p).toBe('MONTH');
  });

  it('Germany (255) has no system membership in 1950', async () => {
    const r = await one<{ n: number; spells: number }>(
      ex,
      'g',
      "MATCH (s:State {ccode: 255})-[m:IN_SYSTEM]->(:StateSystem) RETURN count(m) AS spells, sum(CASE WHEN m.start <= date('1950-06-30') AND (m.end IS NULL OR m.end >= date('1950-06-30')) THEN 1 ELSE 0 END) AS n",
    );
    expect(r.spells).toBe(2);
    expect(r.n).toBe(0);
  });

  it('every imported node cites its data set with citation and version', async () => {
    const r = await ex.store.read(
      "MATCH (n) WHERE (n:Capability OR n:ThreatScore OR n:Dispute OR n:War OR n:Battle OR n:Belligerent OR n:BattleDyad OR n:Rivalry OR n:TreatyPhase OR (n:Treaty AND n.atopId IS NOT NULL)) AND NOT EXISTS { MATCH (n)-[:CITES]->(s:Source) WHERE s.kind = 'DATASET' AND s.version IS NOT NULL AND s.citation IS NOT NULL } RETURN labels(n) AS l LIMIT 5",
      {},
      'cites',
    );
    expect(r).toEqual([]);
  });

  it('importing again changes no counts (forced: the same files are otherwise skipped)', async () => {
    const again = await importAll(ex, dataDir, { force: true });
    expect(again.datasets).toHaveLength(8);
    const after = await countAll();
    expect(after.nodes).toEqual(nodes);
    expect(after.rels).toEqual(rels);
  }, 120_000);

  it('a data set whose files are recorded as loaded is not imported again; the shipped .csv.gz copies are the same files', async () => {
    const again = await importAll(ex, dataDir);
    expect(again.datasets).toEqual([]);
    expect(again.skipped.map((x) => x.dataset)).toEqual([
      'cow-states',
      'nmc',
      'threat',
      'atop',
      'mid',
      'cow-wars',
      'cdb90',
      'rivalries',
    ]);
    expect(again.skipped.every((x) => /already loaded/.test(x.reason))).toBe(true);
    const shipped = await importAll(ex, join(projectRoot, 'seed', 'published'));
    expect(shipped.datasets.map((d) => d.dataset)).toEqual([]);
    expect(shipped.skipped.every((x) => /already loaded/.test(x.reason))).toBe(true);
  }, 60_000);

  it('one DataSet node per data set: version, file sha256, rows read, when, citation; in GraphQL as dataSets', async () => {
    const api = await createTestApi(ex);
    const r = await api.run<{
      dataSets: { name: string; version: string; rows: number; loadedAt: string; citation: string; sha256: string[] }[];
    }>('{ dataSets { name version rows loadedAt citation sha256 } }');
    expect(r.errors).toBeUndefined();
    const byName = new Map(r.data!.dataSets.map((d) => [d.name, d]));
    expect([...byName.keys()].sort()).toEqual([
      'atop',
      'cdb90',
      'cow-states',
      'cow-wars',
      'mid',
      'nmc',
      'rivalries',
      'threat',
    ]);
    const atop = byName.get('atop')!;
    expect(atop.version).toBe('5.1');
    expect(atop.rows).toBe(first.datasets.find((d) => d.dataset === 'atop')!.rowsRead);
    expect(atop.citation).toMatch(/Leeds.*Alliance Treaty Obligations and Provisions.*version 5\.1/);
    expect(Date.parse(atop.loadedAt)).toBeGreaterThan(Date.now() - 3_600_000);
    const sha = (rel: string) =>
      createHash('sha256')
        .update(readFileSync(join(dataDir, rel)))
        .digest('hex');
    expect(atop.sha256).toEqual(['atop5_1a.csv', 'atop5_1aph.csv', 'atop5_1m.csv'].map((f) => sha(`atop-5.1/${f}`)));
    expect(byName.get('mid')!.version).toBe('4.3');
    expect(byName.get('nmc')!.rows).toBe(fileRows('cow-nmc-6.0/NMC-60-abridged.csv').length);
  });

  it('each data set records the years its rows cover, read from the files (DataSet.coverage); CDB90 gives none', async () => {
    const api = await createTestApi(ex);
    const r = await api.run<{ dataSets: { name: string; coverage: { from: number; to: number } | null }[] }>(
      '{ dataSets { name coverage { from to } } }',
    );
    expect(r.errors).toBeUndefined();
    const coverage = new Map(r.data!.dataSets.map((d) => [d.name, d.coverage]));
    /** The least and greatest year in these columns of these files (missing, negative and 0 are no year). */
    const span = (files: [string, string[]][], keep: (row: Record<string, string>) => boolean = () => true) => {
      const years = files.flatMap(([file, columns]) =>
        fileRows(file)
          .filter(keep)
          .flatMap((row) => columns.map((c) => Number(row[c])))
          .filter((y) => Number.isInteger(y) && y > 0),
      );
      return { from: Math.min(...years), to: Math.max(...years) };
    };
    expect(coverage.get('atop')).toEqual(
      span([
        ['atop-5.1/atop5_1a.csv', ['begyr', 'endyr']],
        ['atop-5.1/atop5_1m.csv', ['yrent', 'yrexit']],
      ]),
    );
    expect(coverage.get('atop')).toEqual({ from: 1815, to: 2018 });
    expect(coverage.get('mid')).toEqual(span([['cow-mid-4.3/MIDA_4.3.csv', ['styear', 'endyear']]]));
    expect(coverage.get('mid')!.to).toBe(2010);
    expect(coverage.get('nmc')).toEqual(span([['cow-nmc-6.0/NMC-60-abridged.csv', ['year']]]));
    expect(coverage.get('cow-states')).toEqual(span([['cow-states/cow_states.csv', ['styear', 'endyear']]]));
    expect(coverage.get('cow-wars')).toEqual(
      span([['cow-war-4.0/Inter-StateWarData_v4.0.csv', ['StartYear1', 'EndYear1', 'StartYear2', 'EndYear2']]]),
    );
    expect(coverage.get('rivalries')).toEqual(
      span([
        ['rivalries/td_rivalries.csv', ['styear', 'endyear']],
        ['rivalries/tss_rivalries.csv', ['start', 'end']],
      ]),
    );
    expect(coverage.get('threat')).toEqual(
      span([['threat/leeds-savun-threat.csv', ['year']]], (row) => row.ccode !== ''),
    );
    expect(coverage.get('cdb90')).toBeNull();
  });

  it('a data set recorded before coverage was read is imported once more, to read it', async () => {
    await ex.store.write('MATCH (d:DataSet {name: $name}) REMOVE d.coverageRead', { name: 'threat' }, 'test');
    const again = await importAll(ex, dataDir);
    expect(again.datasets.map((d) => d.dataset)).toEqual(['threat']);
    const rows = await ex.read(q.dataSetsAll);
    expect(rows.find((d) => d.name === 'threat')).toMatchObject({ coverageRead: true, coverageFrom: 1816 });
    expect((await importAll(ex, dataDir)).datasets).toEqual([]);
  }, 60_000);

  it('GraphQL reaches the imported data: treaty members and capabilities', async () => {
    const api = await createTestApi(ex);
    const t = await api.run<{ treaty: { members: { state: { ccode: number } }[] } }>(
      '{ treaty(atopId: 3180) { members { state { ccode } } } }',
    );
    expect(t.errors).toBeUndefined();
    expect(t.data!.treaty.members.map((m) => m.state.ccode)).toEqual(expect.arrayContaining([2, 200, 220]));
    const c = await api.run<{ state: { capabilities: { year: number; cinc: number }[] } }>(
      '{ state(ccode: 255) { capabilities(from: 1930, to: 1939) { year cinc } } }',
    );
    expect(c.errors).toBeUndefined();
    const file = fileRows('cow-nmc-6.0/NMC-60-abridged.csv').filter(
      (r) => r.ccode === '255' && Number(r.year) >= 1930 && Number(r.year) <= 1939,
    );
    expect(c.data!.state.capabilities).toEqual(file.map((r) => ({ year: Number(r.year), cinc: Number(r.cinc) })));
    const both = await api.run<{ a: { capabilities: unknown[] }; b: { capabilities: unknown[] } }>(
      '{ a: state(ccode: 200) { capabilities(from: 1816, to: 1816) { year } } b: state(ccode: 2) { capabilities { year } } }',
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.a.capabilities).toHaveLength(1);
    expect(both.data!.b.capabilities.length).toBe(
      fileRows('cow-nmc-6.0/NMC-60-abridged.csv').filter((r) => r.ccode === '2').length,
    );
    // Morocco 1912: NMC's missing values (-9) come back null, and populations keep their fractions.
    const morocco = await api.run<{ state: { capabilities: Record<string, number | null>[] } }>(
      '{ state(ccode: 600) { capabilities(from: 1912, to: 1912) { year milex milper irst pec tpop upop cinc } } }',
    );
    expect(morocco.errors).toBeUndefined();
    const [row] = fileRows('cow-nmc-6.0/NMC-60-abridged.csv').filter((r) => r.ccode === '600' && r.year === '1912');
    const value = (v: string) => (v === '-9' ? null : Number(v));
    expect(morocco.data!.state.capabilities).toEqual([
      {
        year: 1912,
        ...Object.fromEntries(
          ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop', 'cinc'].map((c) => [c, value(row![c]!)]),
        ),
      },
    ]);
    expect(morocco.data!.state.capabilities[0]).toMatchObject({ milex: null, tpop: 4517.6 });
  });
});

describe.skipIf(!haveData)('import one data set at a time', () => {
  it('ATOP alone, into an empty store: stub states for the members, and a path to one of its files works', async () => {
    const ex = await emptyEmbedded();
    const s = await importDataset(ex, 'atop', join(dataDir, 'atop-5.1', 'atop5_1a.csv'));
    expect(s.nodes.Treaty).toBe(789);
    expect(s.relationships.MEMBER_OF).toBe(fileRows('atop-5.1/atop5_1m.csv').length);
    const count = async () => (await ex.read(q.countRelationshipsByType)).find((r) => r.type === 'MEMBER_OF')!.count;
    expect(await count()).toBe(fileRows('atop-5.1/atop5_1m.csv').length);
    const skipped = await importDataset(ex, 'atop', join(dataDir, 'atop-5.1'));
    expect(skipped.alreadyLoaded).toBe(true);
    expect(skipped.rowsWritten).toBe(0);
    const again = await importDataset(ex, 'atop', join(dataDir, 'atop-5.1'), { force: true });
    expect(again.alreadyLoaded).toBe(false);
    expect(again.nodes.Treaty).toBe(789);
    expect(await count()).toBe(fileRows('atop-5.1/atop5_1m.csv').length);
  });
});
