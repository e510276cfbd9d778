/**
 * Issue 28 §4, the data sets whose nodes are shared (src/import/README.md, "Re-imports replace"): ATOP's
 * treaties with the curated record, COW wars' wars with CDB90's battles. On the seeded store under test
 * (embedded, or Neo4j), with the COW states: a few rows of each shipped file (../shared/data) are
 * imported, then a second version of each file with rows dropped and a row changed. The graph must then
 * hold what the second files hold (counts against their rows, the dropped rows gone, the changed row
 * changed), the record's treaties keep what the record says (a curated treaty whose alliance the file
 * dropped gets the record's dates, obligations and memberships back), each DataSet records the second
 * files' sha256, and the whole graph equals the one the seed and the second files give on a fresh
 * store; importing the first files again gives back the graph they gave. On a graph seeded before the
 * seed kept the record's values, an ATOP re-import that would need them is refused and writes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CuratedValuesMissingError, importDataset, type DatasetName } from '../../src/import/index.js';
import { claimsTie } from '../../src/seed/loadSeed.js';
import { readSeedDir } from '../../src/seed/readSeedDir.js';
import { seedDir } from '../../src/paths.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { writeFixture, type Fixture } from '../helpers/importFixture.js';
import { fileRows, hasSharedData, requireDataOrSkip, sharedDataDir } from '../helpers/sharedData.js';
import { seededGrafeo, seededTestStore } from '../helpers/testStore.js';
import * as q from '../../src/store/queries.gen.js';

requireDataOrSkip();

type Rows = Record<string, string>[];
const rowsOf = (rel: string): Rows => (hasSharedData ? fileRows(rel) : []);
/** The rows of a shipped file whose `column` is one of `keys`. */
const whose = (rel: string, column: string, keys: readonly string[]) =>
  rowsOf(rel).filter((r) => keys.includes(r[column]!));

// ATOP: two alliances the record does not code (1227 kept, 1150 dropped: the only one naming Argentina,
// 160, as its threat), two it does (1470 and 2120 kept, 1475, the Greek–Bulgarian treaty of 1912, dropped:
// ATOP dates its signing 16 May, the record 29 May), and two more kept.
const ATOP_IDS = ['1150', '1227', '1255', '1470', '1475', '1480', '2120'];
const atopA = (): Fixture => ({
  'atop5_1a.csv': whose('atop-5.1/atop5_1a.csv', 'atopid', ATOP_IDS),
  'atop5_1aph.csv': whose('atop-5.1/atop5_1aph.csv', 'atopid', ATOP_IDS),
  'atop5_1m.csv': whose('atop-5.1/atop5_1m.csv', 'atopid', ATOP_IDS),
});
/** 1150 and 1475 dropped, 1227's member 269 (Saxony) dropped, 1227's member 275 (Hesse) entering in March, not February. */
const atopB = (): Fixture => {
  const a = atopA();
  const kept = (r: Record<string, string>) => r.atopid !== '1150' && r.atopid !== '1475';
  return {
    'atop5_1a.csv': a['atop5_1a.csv']!.filter(kept),
    'atop5_1aph.csv': a['atop5_1aph.csv']!.filter(kept),
    'atop5_1m.csv': a['atop5_1m.csv']!.filter((r) => kept(r) && !(r.atopid === '1227' && r.member === '269')).map(
      (r) => (r.atopid === '1227' && r.member === '275' ? { ...r, moent: '3', dayent: '1' } : r),
    ),
  };
};

// COW wars: 1 (no CDB90 battle) and 7 (Mexican-American: CDB90 battles) dropped; 22 (Crimean) and 58
// (Franco-Prussian) kept, 58 without its last participant row, 22's first row with another BatDeath.
const WAR_FILE = 'Inter-StateWarData_v4.0.csv';
const warsA = (): Fixture => ({ [WAR_FILE]: whose(`cow-war-4.0/${WAR_FILE}`, 'WarNum', ['1', '7', '22', '58']) });
const warsB = (): Fixture => {
  const rows = warsA()[WAR_FILE]!.filter((r) => r.WarNum === '22' || r.WarNum === '58');
  const last58 = rows.findLastIndex((r) => r.WarNum === '58');
  const first22 = rows.findIndex((r) => r.WarNum === '22');
  return {
    [WAR_FILE]: rows
      .filter((_, i) => i !== last58)
      .map((r, i) => (i === first22 ? { ...r, BatDeath: String(Number(r.BatDeath) + 1000) } : r)),
  };
};

// CDB90: the battles of COW wars 7, 22 and 58, of 312 (the Liberation of Peru, not a COW inter-state
// war: CDB90 alone creates it) and three battles without a COW war; the second file drops the battles of
// 312 and 22 and battle 1, and changes the casualties of the first side of the first battle of 58.
const BATTLE_WARS = ['7', '22', '58', '312'];
const battleIds = (wars: readonly string[], plain: readonly string[]) =>
  rowsOf('cdb90/battles.csv')
    .filter((r) => wars.includes(r.cow_warno!) || plain.includes(r.isqno!))
    .map((r) => r.isqno!);
const cdbFiles = (isqnos: readonly string[]): Fixture => ({
  'battles.csv': whose('cdb90/battles.csv', 'isqno', isqnos),
  'belligerents.csv': whose('cdb90/belligerents.csv', 'isqno', isqnos),
  'battle_dyads.csv': whose('cdb90/battle_dyads.csv', 'isqno', isqnos),
});
const cdbA = () => cdbFiles(battleIds(BATTLE_WARS, ['1', '2', '3']));
const firstBattleOf58 = () => rowsOf('cdb90/battles.csv').find((r) => r.cow_warno === '58')!.isqno!;
const cdbB = (): Fixture => {
  const b = cdbFiles(battleIds(['7', '58'], ['2', '3']));
  const changed = b['belligerents.csv']!.findIndex((r) => r.isqno === firstBattleOf58());
  return {
    ...b,
    'belligerents.csv': b['belligerents.csv']!.map((r, i) =>
      i === changed ? { ...r, cas: String(Number(r.cas) + 7) } : r,
    ),
  };
};

/** The sha256 of each file of a fixture written to `dir`, in file-name order (as the DataSet records them). */
const sha256Of = (dir: string, fixture: Fixture) =>
  Object.keys(fixture)
    .sort((a, b) => a.localeCompare(b))
    .map((f) =>
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    );

/** JSON with the keys of every object sorted: the same value reads the same whichever store returned it. */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
const withoutStamp = (props: Record<string, unknown>) => {
  const { importStamp: _s, ...rest } = props;
  return rest;
};
const KEY = (v: string) => `coalesce(${v}.id, ${v}.key, 'ccode ' + toString(${v}.ccode), ${v}.name)`;

/**
 * The whole graph as sorted lines: every node (labels, properties) and relationship (type, the keys of
 * its ends, properties), leaving out the import stamps, the DataSet and DataVersion records (the time
 * and count of the loads) and states nothing refers to (a state stays when a data set no longer names
 * it: every data set refers to states).
 */
async function dump(ex: QueryExecutor): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await ex.store.read(
    'MATCH (n) WHERE NOT n:DataSet AND NOT n:DataVersion AND NOT (n:State AND NOT EXISTS { MATCH (n)--() }) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    'test-dump-nodes',
  );
  const relationships = await ex.store.read(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, ${KEY('a')} AS a, ${KEY('b')} AS b, properties(r) AS props`,
    {},
    'test-dump-relationships',
  );
  const line = ({ props, ...rest }: Record<string, unknown>) =>
    canon({ ...rest, props: withoutStamp(props as Record<string, unknown>) });
  return { nodes: nodes.map(line).sort(), relationships: relationships.map(line).sort() };
}

async function one<T>(ex: QueryExecutor, text: string, params: Record<string, unknown> = {}): Promise<T | undefined> {
  return (await ex.store.read(text, params, 'test'))[0] as T | undefined;
}
const count = async (ex: QueryExecutor, text: string, params: Record<string, unknown> = {}) =>
  (await one<{ n: number }>(ex, text, params))!.n;

/** A treaty as the tests compare it: its properties, members, phases, threats, citations and negotiation. */
async function treaty(ex: QueryExecutor, atopId: number) {
  return one<{
    props: Record<string, unknown>;
    members: string[];
    phases: number;
    threats: string[];
    sources: string[];
    negotiation: string | null;
  }>(
    ex,
    `MATCH (t:Treaty {atopId: $atopId})
     OPTIONAL MATCH (n:Negotiation)-[:PRODUCED]->(t)
     RETURN properties(t) AS props, n.id AS negotiation,
       [(s:State)-[m:MEMBER_OF]->(t) | toString(s.ccode) + '|' + toString(m.phase) + '|' + toString(m.entry) + '|' + coalesce(toString(m.exit), '-') + '|' + coalesce(toString(m.curated), 'atop')] AS members,
       size([(t)-[:HAS_PHASE]->(p:TreatyPhase) | p]) AS phases,
       [(t)-[:DIRECTED_AGAINST]->(th:Threat) | th.id] AS threats,
       [(t)-[:CITES]->(src:Source) | src.key] AS sources`,
    { atopId },
  );
}
const sorted = <T>(xs: readonly T[]) => [...xs].sort();

describe.skipIf(!hasSharedData)('a re-import of a data set whose nodes are shared replaces it (issue 28 §4)', () => {
  let ex: QueryExecutor;
  let afterA: Awaited<ReturnType<typeof dump>>;
  const written: Partial<Record<DatasetName, { dir: string; fixture: Fixture }>> = {};
  /** Imports a fixture of a data set (the second files need no `force`: their sha256 differ). */
  const load = async (target: QueryExecutor, name: DatasetName, fixture: Fixture) => {
    const dir = writeFixture(fixture, `alliance-reimport-${name}-`);
    const summary = await importDataset(target, name, dir);
    expect(summary.alreadyLoaded).toBe(false);
    written[name] = { dir, fixture };
    return summary;
  };
  const dataSetSha256 = async (name: DatasetName) =>
    (await ex.read(q.dataSetsAll)).find((d) => d.name === name)?.sha256;

  const record = hasSharedData ? readSeedDir(seedDir) : null;
  /** The curated treaty of ATOP id `atopId`, as the record gives it. */
  const curated = (atopId: number) => {
    const n = record!.negotiations.find((x) => x.treaty?.atopId === atopId)!;
    return { negotiation: n.id, treaty: n.treaty!, claimsTie: claimsTie(n) };
  };

  beforeAll(async () => {
    ex = await seededTestStore();
    await importDataset(ex, 'cow-states', join(sharedDataDir, 'cow-states'));
    await load(ex, 'atop', atopA());
    await load(ex, 'cow-wars', warsA());
    await load(ex, 'cdb90', cdbA());
    afterA = await dump(ex);
  }, 600_000);

  it('ATOP: the graph holds the second files (alliances, phases, member rows, threats); the dropped alliance is gone, the changed member row changed', async () => {
    const before = await treaty(ex, 1475);
    expect(before!.props).toMatchObject({ signed: '1912-05-16', atopVersion: '5.1' }); // ATOP's, over the record's 29 May
    const b = atopB();
    await load(ex, 'atop', b);
    const alliances = b['atop5_1a.csv']!;
    expect(await count(ex, 'MATCH (t:Treaty) WHERE t.atopVersion IS NOT NULL RETURN count(t) AS n')).toBe(
      alliances.length,
    );
    expect(await count(ex, 'MATCH (p:TreatyPhase) RETURN count(p) AS n')).toBe(b['atop5_1aph.csv']!.length);
    expect(
      await count(ex, 'MATCH (:State)-[m:MEMBER_OF]->(:Treaty) WHERE m.curated IS NULL RETURN count(m) AS n'),
    ).toBe(b['atop5_1m.csv']!.length);
    const named = alliances.flatMap((r) =>
      [r.statthr1, r.statthr2].filter((c) => c && c !== '0').map((c) => `${r.atopid}|state-${c}`),
    );
    const links = await ex.store.read(
      "MATCH (t:Treaty)-[:DIRECTED_AGAINST]->(th:Threat) WHERE th.id STARTS WITH 'state-' RETURN toString(t.atopId) + '|' + th.id AS link",
      {},
      'test',
    );
    expect(sorted(links.map((l) => l.link))).toEqual(sorted([...new Set(named)]));
    const threats = await ex.store.read(
      "MATCH (th:Threat) WHERE th.id STARTS WITH 'state-' RETURN th.id AS id",
      {},
      'test',
    );
    expect(sorted(threats.map((t) => t.id))).toEqual(sorted([...new Set(named.map((l) => l.split('|')[1]))]));
    // 1150 is gone with its threat (Argentina: no other alliance of the file names it); the state stays.
    expect(await treaty(ex, 1150)).toBeUndefined();
    expect(await one(ex, "MATCH (th:Threat {id: 'state-160'}) RETURN th.id AS id")).toBeUndefined();
    expect(await one(ex, 'MATCH (s:State {ccode: 160}) RETURN s.name AS name')).toEqual({ name: 'Argentina' });
    // 1227: member 269 gone, member 275 entering on 1 March 1862, not 1 February.
    const t1227 = await treaty(ex, 1227);
    expect(t1227!.members.filter((m) => m.startsWith('269|'))).toEqual([]);
    expect(t1227!.members.filter((m) => m.startsWith('275|'))).toEqual(['275|0|1862-03-01|1866-07-26|atop']);
    expect(await dataSetSha256('atop')).toEqual(sha256Of(written.atop!.dir, b));
  });

  it("ATOP: the curated treaty whose alliance the file dropped stays, with the record's dates, obligations and memberships; ATOP's part of it is gone", async () => {
    const { negotiation, treaty: record1475, claimsTie: tie } = curated(1475);
    const t = await treaty(ex, 1475);
    expect(t).toBeDefined();
    expect(t!.negotiation).toBe(negotiation);
    expect(t!.props).toMatchObject({
      id: record1475.id,
      name: record1475.name,
      signed: record1475.signed,
      ended: record1475.ended ?? null,
      obligations: record1475.obligations,
      curatedSigned: record1475.signed,
    });
    expect(t!.props.signed).toBe('1912-05-29');
    for (const only of ['atopVersion', 'cowId', 'signedPrecision', 'signedYear', 'maxPhase', 'inEffect', 'importStamp'])
      expect(t!.props, only).not.toHaveProperty(only);
    expect(tie).toBe(true);
    expect(sorted(t!.members)).toEqual(
      sorted(record1475.members.map((c) => `${c}|1|${record1475.signed}|${record1475.ended ?? '-'}|true`)),
    );
    expect(t!.phases).toBe(0);
    expect(sorted(t!.threats)).toEqual(sorted(record1475.directedAgainst));
    expect(t!.sources.filter((k) => k.startsWith('dataset-'))).toEqual([]);
    expect(sorted(t!.sources)).toEqual(sorted(record1475.sources.map((s) => s.key)));
  });

  it("ATOP: the curated treaties the file still holds keep the record's id, name, negotiation and citations, with ATOP's coding", async () => {
    for (const atopId of [1470, 2120]) {
      const { negotiation, treaty: r } = curated(atopId);
      const t = await treaty(ex, atopId);
      expect(t!.negotiation).toBe(negotiation);
      expect(t!.props).toMatchObject({
        id: r.id,
        name: r.name,
        atopVersion: '5.1',
        curatedSigned: r.signed,
        curatedObligations: r.obligations,
      });
      expect(t!.members.every((m) => m.endsWith('|atop'))).toBe(true);
      expect(t!.members).toHaveLength(whose('atop-5.1/atop5_1m.csv', 'atopid', [String(atopId)]).length);
      expect(t!.sources).toEqual(expect.arrayContaining([...r.sources.map((s) => s.key), 'dataset-atop-5.1']));
      expect(t!.threats).toEqual(expect.arrayContaining(r.directedAgainst));
    }
  });

  it("COW wars: the graph holds the second file's participations; a dropped war is gone, or stays as CDB90's where CDB90 battles are PART_OF it", async () => {
    const b = warsB();
    await load(ex, 'cow-wars', b);
    const rows = b[WAR_FILE]!;
    expect(await count(ex, 'MATCH (:State)-[f:FOUGHT_IN]->(:War) RETURN count(f) AS n')).toBe(rows.length);
    const cdbWars = new Set(
      cdbA()
        ['battles.csv']!.map((r) => r.cow_warno)
        .filter(Boolean),
    );
    expect(await count(ex, 'MATCH (w:War) RETURN count(w) AS n')).toBe(
      new Set([...rows.map((r) => r.WarNum), ...cdbWars]).size,
    );
    expect(await one(ex, "MATCH (w:War {id: 'cow-war-1'}) RETURN w.id AS id")).toBeUndefined();
    const mexican = await one<Record<string, unknown>>(
      ex,
      "MATCH (w:War {id: 'cow-war-7'}) RETURN properties(w) AS props, [(w)-[:CITES]->(s:Source) | s.key] AS sources, size([(:State)-[f:FOUGHT_IN]->(w) | f]) AS participants, size([(b:Battle)-[:PART_OF]->(w) | b]) AS battles",
    );
    expect(withoutStamp(mexican!.props as Record<string, unknown>)).toEqual({
      id: 'cow-war-7',
      warNum: 7,
      name: 'Mexican-American War of 1846-1847',
    });
    expect(mexican!.sources).toEqual(['dataset-cdb90-1990 (tidy release)']);
    expect(mexican).toMatchObject({
      participants: 0,
      battles: cdbA()['battles.csv']!.filter((r) => r.cow_warno === '7').length,
    });
    const changed = rows.find((r) => r.WarNum === '22')!;
    expect(
      await one(
        ex,
        "MATCH (:State {ccode: $ccode})-[f:FOUGHT_IN {spell: 1}]->(:War {id: 'cow-war-22'}) RETURN f.batDeaths AS deaths",
        { ccode: Number(changed.ccode) },
      ),
    ).toEqual({ deaths: Number(changed.BatDeath) });
    expect(await dataSetSha256('cow-wars')).toEqual(sha256Of(written['cow-wars']!.dir, b));
  });

  it("CDB90: the graph holds the second files' battles, sides and dyads; a war CDB90 alone held is gone, one COW holds stays as COW's", async () => {
    const b = cdbB();
    await load(ex, 'cdb90', b);
    for (const [label, file] of [
      ['Battle', 'battles.csv'],
      ['Belligerent', 'belligerents.csv'],
      ['BattleDyad', 'battle_dyads.csv'],
    ] as const)
      expect(await count(ex, `MATCH (x:${label}) RETURN count(x) AS n`), label).toBe(b[file]!.length);
    expect(await count(ex, 'MATCH (:Battle)-[p:PART_OF]->(:War) RETURN count(p) AS n')).toBe(
      b['battles.csv']!.filter((r) => r.cow_warno !== '').length,
    );
    expect(await one(ex, "MATCH (w:War {id: 'cow-war-312'}) RETURN w.id AS id")).toBeUndefined();
    expect(await one(ex, "MATCH (b:Battle {id: 'cdb90-1'}) RETURN b.id AS id")).toBeUndefined();
    const crimean = await one<Record<string, unknown>>(
      ex,
      "MATCH (w:War {id: 'cow-war-22'}) RETURN w.name AS name, w.warType AS warType, [(w)-[:CITES]->(s:Source) | s.key] AS sources, size([(b:Battle)-[:PART_OF]->(w) | b]) AS battles",
    );
    expect(crimean).toEqual({ name: 'Crimean', warType: 1, sources: ['dataset-cow-war-4.0'], battles: 0 });
    expect(await one(ex, "MATCH (w:War {id: 'cow-war-7'}) RETURN w.name AS name")).toEqual({
      name: 'Mexican-American War of 1846-1847',
    });
    const side = b['belligerents.csv']!.find((r) => r.isqno === firstBattleOf58())!;
    expect(
      await one(ex, 'MATCH (x:Belligerent {id: $id}) RETURN x.casualties AS casualties', {
        id: `cdb90-${side.isqno}-${side.attacker === '1' ? 'attacker' : 'defender'}`,
      }),
    ).toEqual({ casualties: Number(side.cas) });
    expect(await dataSetSha256('cdb90')).toEqual(sha256Of(written.cdb90!.dir, b));
  });

  it('the whole graph equals the one the seed, the COW states and the second files give on a fresh store', async () => {
    const fresh = await seededGrafeo();
    await importDataset(fresh, 'cow-states', join(sharedDataDir, 'cow-states'));
    await importDataset(fresh, 'atop', writeFixture(atopB()));
    await importDataset(fresh, 'cow-wars', writeFixture(warsB()));
    await importDataset(fresh, 'cdb90', writeFixture(cdbB()));
    const [got, want] = [await dump(ex), await dump(fresh)];
    expect(got.nodes).toEqual(want.nodes);
    expect(got.relationships).toEqual(want.relationships);
  }, 600_000);

  it('importing the first files again gives back the graph they gave', async () => {
    await load(ex, 'atop', atopA());
    await load(ex, 'cow-wars', warsA());
    await load(ex, 'cdb90', cdbA());
    const again = await dump(ex);
    expect(again.nodes).toEqual(afterA.nodes);
    expect(again.relationships).toEqual(afterA.relationships);
  }, 600_000);

  it("on a graph seeded before the seed kept the record's values, dropping a curated treaty's alliance is refused and writes nothing", async () => {
    await ex.store.write(
      'MATCH (t:Treaty {atopId: 1475}) REMOVE t.curatedSigned, t.curatedEnded, t.curatedObligations, t.curatedMembers',
      {},
      'test',
    );
    const before = await dump(ex);
    const err = await importDataset(ex, 'atop', writeFixture(atopB())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CuratedValuesMissingError);
    expect((err as CuratedValuesMissingError).treaties).toEqual([curated(1475).treaty.id]);
    expect((err as Error).message).toMatch(/nothing was written: load the seed again \(npm run seed\)/);
    const after = await dump(ex);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
  });
});
