/**
 * The plain reference the importer is measured against (issue #14 item 7): the same data sets, read
 * with csv-parse (whole file, no strict checks) and written with `UNWIND … CREATE` in batches of 5,000,
 * one transaction per data set, on a fresh in-memory Grafeo store with graph/schema.cypher applied. It
 * writes the same labels, keys and relationships as the importer (cells as numbers where they look like
 * numbers, no partial dates, no validation, no MERGE except for states a data set names that COW has
 * not), so the ratio of the two is the price of the importer's checks, MERGEs and bookkeeping.
 *
 *     npx tsx scripts/importReference.ts [data dir, default ../shared/data]
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { applySchema, GrafeoStore, type GraphStore } from '../src/store/index.js';
import { projectRoot } from '../src/paths.js';

type Row = Record<string, string | number | null>;
const BATCH = 5000;

/** The rows of a CSV file, cells as numbers where they are numbers, blank and -9/-8 as null. */
export function readPlain(path: string): Row[] {
  const bytes = readFileSync(path);
  const text = (/\.gz$/.test(path) ? gunzipSync(bytes) : bytes).toString('utf8');
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records.map((r) => {
    const o: Row = {};
    for (const [k, v] of Object.entries(r)) {
      const t = v.trim();
      o[k] = t === '' || t === '-9' || t === '-8' ? null : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    }
    return o;
  });
}

const find = (dir: string, sub: string, name: string) => {
  for (const p of [join(dir, sub, name), join(dir, sub, `${name}.gz`)]) if (existsSync(p)) return p;
  throw new Error(`no ${sub}/${name} in ${dir}`);
};

async function unwind(tx: Tx, text: string, rows: unknown[], params: Record<string, unknown> = {}) {
  for (let i = 0; i < rows.length; i += BATCH) await tx.run(text, { ...params, rows: rows.slice(i, i + BATCH) });
}

const pick = (r: Row, cols: string[]) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null]));
const date = (y: unknown, m: unknown, d: unknown) =>
  typeof y === 'number' && y > 0
    ? `${y}-${String(typeof m === 'number' && m > 0 ? m : 1).padStart(2, '0')}-${String(typeof d === 'number' && d > 0 ? d : 1).padStart(2, '0')}`
    : null;

const SOURCE = 'MATCH (src:Source {key: $source})';
const STUBS = 'UNWIND $rows AS row MERGE (s:State {ccode: row.ccode})';

type Tx = { run: (t: string, p: Record<string, unknown>) => Promise<unknown> };

/** One data set in one transaction, its Source created first; returns ms. */
async function inTransaction(store: GraphStore, name: string, work: (t: Tx) => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await store.transaction(async (t) => {
    await t.run('CREATE (:Source {key: $source, kind: "DATASET"})', { source: name }, name);
    await work({ run: (text, p) => t.run(text, { source: name, ...p }, name) });
  }, name);
  return performance.now() - t0;
}

const stubs = (rows: Row[], ...cols: string[]) =>
  [...new Set(rows.flatMap((r) => cols.map((c) => r[c])).filter((c) => typeof c === 'number'))].map((ccode) => ({
    ccode,
  }));

/** NMC the plain way, from one file (the benchmark's synthetic files too); returns ms. */
export function referenceNmc(store: GraphStore, path: string): Promise<number> {
  return inTransaction(store, 'nmc', async (t) => {
    const rows = readPlain(path).map((r) => ({
      id: `${r.ccode}-${r.year}`,
      ...pick(r, ['ccode', 'year', 'milex', 'milper', 'irst', 'pec', 'tpop', 'upop', 'cinc']),
    }));
    await unwind(t, STUBS, stubs(rows as Row[], 'ccode'));
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (s:State {ccode: row.ccode}) CREATE (c:Capability) SET c += row CREATE (s)-[:HAS_CAPABILITY]->(c) CREATE (c)-[:CITES]->(src)`,
      rows,
    );
  });
}

/** Imports the data sets of `dir` (the ../shared/data layout, `.csv` or `.csv.gz`) the plain way; returns ms per data set. */
export async function importReference(store: GraphStore, dir: string): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  const tx = async (name: string, work: (t: Tx) => Promise<void>) => {
    ms[name] = await inTransaction(store, name, work);
  };

  await tx('cow-states', async (t) => {
    const states = readPlain(find(dir, 'cow-states', 'cow_states.csv'));
    const majors = readPlain(find(dir, 'cow-states', 'majors2016.csv'));
    const byCcode = new Map(states.map((r) => [r.ccode, { ccode: r.ccode, abbrev: r.stateabb, name: r.statenme }]));
    await unwind(t, `${SOURCE} UNWIND $rows AS row CREATE (s:State) SET s += row CREATE (s)-[:CITES]->(src)`, [
      ...byCcode.values(),
    ]);
    await t.run("CREATE (:StateSystem {id: 'cow'})", {});
    const spell = (r: Row) => ({
      ccode: r.ccode,
      start: date(r.styear, r.stmonth, r.stday),
      end: date(r.endyear, r.endmonth, r.endday),
    });
    await unwind(
      t,
      "MATCH (sys:StateSystem {id: 'cow'}) UNWIND $rows AS row MATCH (s:State {ccode: row.ccode}) CREATE (s)-[:IN_SYSTEM {start: row.start, end: row.end}]->(sys)",
      states.map(spell),
    );
    await unwind(
      t,
      "MATCH (sys:StateSystem {id: 'cow'}) UNWIND $rows AS row MATCH (s:State {ccode: row.ccode}) CREATE (s)-[:MAJOR_POWER {start: row.start, end: row.end}]->(sys)",
      majors.map(spell),
    );
  });
  ms.nmc = await referenceNmc(store, find(dir, 'cow-nmc-6.0', 'NMC-60-abridged.csv'));
  await tx('threat', async (t) => {
    const rows = readPlain(find(dir, 'threat', 'leeds-savun-threat.csv'))
      .filter((r) => r.ccode !== null)
      .map((r) => ({ id: `${r.ccode}-${r.year}`, ccode: r.ccode, year: r.year, score: r.lsthreat }));
    await unwind(t, STUBS, stubs(rows as Row[], 'ccode'));
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (s:State {ccode: row.ccode}) CREATE (x:ThreatScore) SET x += row CREATE (s)-[:HAS_THREAT_SCORE]->(x) CREATE (x)-[:CITES]->(src)`,
      rows,
    );
  });
  await tx('atop', async (t) => {
    const a = readPlain(find(dir, 'atop-5.1', 'atop5_1a.csv'));
    const ph = readPlain(find(dir, 'atop-5.1', 'atop5_1aph.csv'));
    const m = readPlain(find(dir, 'atop-5.1', 'atop5_1m.csv'));
    const flags = ['defense', 'offense', 'neutral', 'nonagg', 'consul', 'conditio'];
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row CREATE (t:Treaty) SET t += row, t.id = 'atop-' + toString(row.atopId) CREATE (t)-[:CITES]->(src)`,
      a.map((r) => ({
        atopId: r.atopid,
        cowId: r.cowid,
        signed: date(r.begyr, r.begmo, r.begday),
        ended: date(r.endyr, r.endmo, r.endday),
        inEffect: r.ineffect,
        bilateral: r.bilat,
        maxPhase: r.maxphase,
        specificThreat: r.specthrt,
        ...pick(r, flags),
      })),
    );
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (t:Treaty {atopId: row.atopId}) CREATE (p:TreatyPhase) SET p += row CREATE (t)-[:HAS_PHASE]->(p) CREATE (p)-[:CITES]->(src)`,
      ph.map((r) => ({
        id: `atop-${r.atopidphase}`,
        atopId: r.atopid,
        phase: r.phase,
        start: date(r.begyr, r.begmo, r.begday),
        end: date(r.endyr, r.endmo, r.endday),
        ...pick(r, flags),
      })),
    );
    const threats = a.flatMap((r) =>
      [...new Set([r.statthr1, r.statthr2].filter((c) => typeof c === 'number' && c !== 0))].map((ccode) => ({
        atopId: r.atopid,
        ccode,
      })),
    );
    await unwind(t, STUBS, stubs([...m, ...threats.map((x) => ({ member: x.ccode }))] as Row[], 'member'));
    await unwind(
      t,
      'UNWIND $rows AS row MATCH (t:Treaty {atopId: row.atopId}) MATCH (s:State {ccode: row.ccode}) CREATE (s)-[m:MEMBER_OF]->(t) SET m += row.props',
      m.map((r) => ({
        atopId: r.atopid,
        ccode: r.member,
        props: {
          phase: r.phase,
          entry: date(r.yrent, r.moent, r.dayent),
          exit: date(r.yrexit, r.moexit, r.dayexit),
          ...pick(r, [
            ...flags,
            'defcon',
            'offcon',
            'neucon',
            'concon',
            'asymm',
            'obvary',
            'bilat',
            'ineffect',
            'cowsys',
            'termmode',
            'termcaus',
          ]),
        },
      })),
    );
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (t:Treaty {atopId: row.atopId}) MATCH (s:State {ccode: row.ccode}) MERGE (th:Threat {id: 'state-' + toString(row.ccode)}) MERGE (th)-[:POSED_BY]->(s) CREATE (t)-[:DIRECTED_AGAINST]->(th) MERGE (th)-[:CITES]->(src)`,
      threats,
    );
  });
  await tx('mid', async (t) => {
    const a = readPlain(find(dir, 'cow-mid-4.3', 'MIDA_4.3.csv'));
    const b = readPlain(find(dir, 'cow-mid-4.3', 'MIDB_4.3.csv'));
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row CREATE (d:Dispute) SET d += row CREATE (d)-[:CITES]->(src)`,
      a.map((r) => ({
        id: `mid-${r.dispnum3}`,
        dispnum: r.dispnum3,
        start: date(r.styear, r.stmon, r.stday),
        end: date(r.endyear, r.endmon, r.endday),
        ...pick(r, [
          'dispnum4',
          'outcome',
          'settle',
          'fatality',
          'fatalpre',
          'maxdur',
          'mindur',
          'hiact',
          'hostlev',
          'recip',
          'numa',
          'numb',
          'link1',
          'link2',
          'link3',
          'ongo2010',
        ]),
      })),
    );
    await unwind(t, STUBS, stubs(b, 'ccode'));
    const spells = new Map<string, number>();
    await unwind(
      t,
      'UNWIND $rows AS row MATCH (d:Dispute {id: row.dispute}) MATCH (s:State {ccode: row.ccode}) CREATE (s)-[p:PARTICIPATED_IN]->(d) SET p += row.props',
      b.map((r) => {
        const k = `${r.dispnum3}/${r.ccode}`;
        spells.set(k, (spells.get(k) ?? 0) + 1);
        return {
          dispute: `mid-${r.dispnum3}`,
          ccode: r.ccode,
          props: {
            spell: spells.get(k),
            start: date(r.styear, r.stmon, r.stday),
            end: date(r.endyear, r.endmon, r.endday),
            ...pick(r, [
              'sidea',
              'revstate',
              'revtype1',
              'revtype2',
              'fatality',
              'fatalpre',
              'hiact',
              'hostlev',
              'orig',
            ]),
          },
        };
      }),
    );
  });
  await tx('cow-wars', async (t) => {
    const rows = readPlain(find(dir, 'cow-war-4.0', 'Inter-StateWarData_v4.0.csv'));
    const wars = new Map(
      rows.map((r) => [r.WarNum, { id: `cow-war-${r.WarNum}`, warNum: r.WarNum, name: r.WarName, warType: r.WarType }]),
    );
    await unwind(t, `${SOURCE} UNWIND $rows AS row CREATE (w:War) SET w += row CREATE (w)-[:CITES]->(src)`, [
      ...wars.values(),
    ]);
    await unwind(t, STUBS, stubs(rows, 'ccode'));
    const spells = new Map<string, number>();
    await unwind(
      t,
      'UNWIND $rows AS row MATCH (w:War {id: row.war}) MATCH (s:State {ccode: row.ccode}) CREATE (s)-[f:FOUGHT_IN]->(w) SET f += row.props',
      rows.map((r) => {
        const k = `${r.WarNum}/${r.ccode}`;
        spells.set(k, (spells.get(k) ?? 0) + 1);
        return {
          war: `cow-war-${r.WarNum}`,
          ccode: r.ccode,
          props: {
            spell: spells.get(k),
            start: date(r.StartYear1, r.StartMonth1, r.StartDay1),
            end: date(r.EndYear1, r.EndMonth1, r.EndDay1),
            ...pick(r, ['Side', 'WhereFought', 'Initiator', 'Outcome', 'TransFrom', 'TransTo', 'BatDeath']),
          },
        };
      }),
    );
  });
  await tx('cdb90', async (t) => {
    const bt = readPlain(find(dir, 'cdb90', 'battles.csv'));
    const bl = readPlain(find(dir, 'cdb90', 'belligerents.csv'));
    const dy = readPlain(find(dir, 'cdb90', 'battle_dyads.csv'));
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row CREATE (b:Battle) SET b += row CREATE (b)-[:CITES]->(src)`,
      bt.map((r) => ({
        id: `cdb90-${r.isqno}`,
        ...pick(r, [
          'isqno',
          'name',
          'war',
          'locn',
          'campgn',
          'cow_warno',
          'cow_warname',
          'war4_theater',
          'wina',
          'post1',
          'post2',
          'dbpedia',
        ]),
      })),
    );
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (b:Battle {id: row.id}) MERGE (w:War {id: 'cow-war-' + toString(row.warNum)}) CREATE (b)-[:PART_OF]->(w) MERGE (w)-[:CITES]->(src)`,
      bt.filter((r) => r.cow_warno !== null).map((r) => ({ id: `cdb90-${r.isqno}`, warNum: r.cow_warno })),
    );
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (b:Battle {id: row.battle}) CREATE (x:Belligerent) SET x += row.props CREATE (x)-[:FOUGHT_AT]->(b) CREATE (x)-[:CITES]->(src)`,
      bl.map((r) => ({
        battle: `cdb90-${r.isqno}`,
        props: {
          id: `cdb90-${r.isqno}-${r.attacker ? 'attacker' : 'defender'}`,
          actors: String(r.actors ?? '').split(' & '),
          ...pick(r, ['isqno', 'attacker', 'nam', 'co', 'intst', 'str', 'cas', 'finst', 'tank', 'arty', 'fly']),
        },
      })),
    );
    const n = new Map<unknown, number>();
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (b:Battle {id: row.battle}) CREATE (d:BattleDyad) SET d += row.props CREATE (d)-[:IN_BATTLE]->(b) CREATE (d)-[:CITES]->(src)`,
      dy.map((r) => {
        n.set(r.isqno, (n.get(r.isqno) ?? 0) + 1);
        return {
          battle: `cdb90-${r.isqno}`,
          props: {
            id: `cdb90-${r.isqno}-dyad-${n.get(r.isqno)}`,
            ...pick(r, ['isqno', 'attacker', 'defender', 'dyad', 'wt', 'direction', 'primary']),
          },
        };
      }),
    );
  });
  await tx('rivalries', async (t) => {
    const td = readPlain(find(dir, 'rivalries', 'td_rivalries.csv')).map((r) => ({
      id: `td-${r.rivalryno}`,
      number: r.rivalryno,
      name: r.rivalryname,
      ...pick(r, ['ccode1', 'ccode2', 'styear', 'endyear', 'region']),
    }));
    const tss = readPlain(find(dir, 'rivalries', 'tss_rivalries.csv')).map((r) => ({
      id: `tss-${r.tssr_id}`,
      number: r.tssr_id,
      name: r.rivalry,
      ...pick(r, ['ccode1', 'ccode2', 'start', 'end', 'principal', 'aprin']),
    }));
    await unwind(t, STUBS, stubs([...td, ...tss] as Row[], 'ccode1', 'ccode2'));
    await unwind(
      t,
      `${SOURCE} UNWIND $rows AS row MATCH (a:State {ccode: row.ccode1}) MATCH (b:State {ccode: row.ccode2}) CREATE (r:Rivalry) SET r += row CREATE (a)-[:RIVAL_IN]->(r) CREATE (b)-[:RIVAL_IN]->(r) CREATE (r)-[:CITES]->(src)`,
      [...td, ...tss],
    );
  });
  return ms;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? resolve(projectRoot, '..', 'shared', 'data'));
  const store = GrafeoStore.open();
  await applySchema(store);
  const t0 = performance.now();
  const ms = await importReference(store, dir);
  const total = performance.now() - t0;
  const count = async (q: string) => ((await store.read(q, {}, 'count'))[0] as { n: number }).n;
  console.log(
    JSON.stringify({
      ms: Math.round(total),
      perDataset: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v)])),
      nodes: await count('MATCH (n) RETURN count(n) AS n'),
      relationships: await count('MATCH ()-[r]->() RETURN count(r) AS n'),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
  await store.close();
}
