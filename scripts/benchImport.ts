/**
 * Benchmark of the importer (issues #15 item 5 and #14 item 7), every measurement in a child process
 * of its own (so each peak RSS is that run's alone):
 *
 * 1. Memory against file size: synthetic NMC-shaped files of `--sizes` MB (default 5,25,50) in a temp
 *    dir, each imported (a) by the importer into a null store, which accepts every statement and keeps
 *    nothing, so the growth is the importer's own; (b) by the plain reference (scripts/importReference.ts:
 *    csv-parse of the whole file, rows held) into a null store; (c) with `--root <checkout>`, by the
 *    importer of another checkout (e.g. the previous commit) into a null store. Prints peak RSS
 *    (VmHWM) above the child's RSS before the import, per size, and the slope in MB of RSS per MB of
 *    file. Then, at the smallest size, the same file into a real in-memory Grafeo store by the importer
 *    and by a "store only" run that writes the same nodes without reading any file: the difference
 *    is what the importer adds to what the graph itself takes.
 * 2. The full published record (`--data`, default ../shared/data) into a fresh in-memory Grafeo store
 *    (graph/schema.cypher applied): the importer's `import all` against the plain reference, `--runs`
 *    times each (default 3), interleaved; medians and their ratio (target: within 1.5×).
 * 3. A re-import of each data set whose nodes are shared (ATOP, COW wars, CDB90), forced, of the same
 *    files, over the curated seed and the whole record in a fresh in-memory Grafeo store: the writes and
 *    the removals (src/import/README.md, "Re-imports replace"), `--runs` times; with `--root`, the
 *    other checkout's importer (and seed) too, interleaved.
 *
 *     npm run bench:import -- [--sizes 5,25,50] [--runs 3] [--data dir] [--root checkout] [--skip-memory] [--skip-record] [--skip-reimport] [--out file.json]
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { projectRoot } from '../src/paths.js';

const self = fileURLToPath(import.meta.url);
const mb = (kb: number) => Math.round(kb / 102.4) / 10;
/** VmRSS and VmHWM of this process, in kB (Linux); maxRSS elsewhere. */
function rss(): { now: number; peak: number } {
  try {
    const s = readFileSync('/proc/self/status', 'utf8');
    const get = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)![1]);
    return { now: get('VmRSS'), peak: get('VmHWM') };
  } catch {
    const peak = process.resourceUsage().maxRSS;
    return { now: Math.round(process.memoryUsage().rss / 1024), peak };
  }
}
/** The data sets whose nodes are shared with the curated record or another data set (part 3). */
const REIMPORTED = ['atop', 'cow-wars', 'cdb90'] as const;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// ---------------------------------------------------------------------------------------------- child

interface ChildResult {
  baselineKb: number;
  peakKb: number;
  afterKb: number;
  ms: number;
  rows?: number;
  perDataset?: Record<string, number>;
}

async function child(mode: string, arg: string, root: string): Promise<ChildResult> {
  const store = (await import(
    pathToFileURL(join(root, 'src/store/index.js')).href
  )) as typeof import('../src/store/index.js');
  const imp = (await import(
    pathToFileURL(join(root, 'src/import/index.js')).href
  )) as typeof import('../src/import/index.js');
  const ref = await import('./importReference.js');
  const nullStore: import('../src/store/GraphStore.js').GraphStore = {
    kind: 'embedded',
    read: async () => [],
    write: async () => [],
    health: async () => ({ ok: true, store: 'embedded', detail: 'null' }),
    close: async () => {},
    transaction: (work) => work({ run: async () => [] }),
  } as unknown as import('../src/store/GraphStore.js').GraphStore;
  const grafeo = async () => {
    const s = store.GrafeoStore.open();
    await store.applySchema(s);
    return s;
  };
  const target = mode.endsWith('-grafeo') || mode.startsWith('record') ? await grafeo() : nullStore;
  const executor = new store.QueryExecutor(target, store.CypherRegistry.load());
  global.gc?.();
  const baselineKb = rss().now;
  const t0 = performance.now();
  let rows: number | undefined;
  let perDataset: Record<string, number> | undefined;
  if (mode === 'importer-null' || mode === 'importer-grafeo') {
    rows = (await imp.importDataset(executor, 'nmc', arg, { force: true })).rowsRead;
  } else if (mode === 'reference-null') {
    await ref.referenceNmc(target, join(arg, 'NMC-60-abridged.csv'));
  } else if (mode === 'storeonly-grafeo') {
    // The nodes and relationships the NMC import writes, made up without reading a file.
    rows = Number(arg);
    const ccodes = [...new Set(Array.from({ length: rows }, (_, i) => 1 + Math.floor(i / 201)))];
    await target.transaction(async (tx) => {
      await tx.run("CREATE (:Source {key: 'synthetic'})", {}, 'storeonly');
      for (let i = 0; i < ccodes.length; i += 5000)
        await tx.run('UNWIND $rows AS c MERGE (:State {ccode: c})', { rows: ccodes.slice(i, i + 5000) }, 'storeonly');
      for (let i = 0; i < rows!; i += 5000) {
        const batch = Array.from({ length: Math.min(5000, rows! - i) }, (_, j) => synthetic(i + j));
        await tx.run(
          `MATCH (src:Source {key: 'synthetic'}) UNWIND $rows AS row MATCH (s:State {ccode: row.ccode})
          CREATE (c:Capability {id: row.id, ccode: row.ccode, year: row.year, milex: row.milex, milper: row.milper, irst: row.irst, pec: row.pec, tpop: row.tpop, upop: row.upop, cinc: row.cinc})
          CREATE (s)-[:HAS_CAPABILITY]->(c) CREATE (c)-[:CITES]->(src)`,
          { rows: batch },
          'storeonly',
        );
      }
    }, 'storeonly');
  } else if (mode === 'record-importer') {
    const s = await imp.importAll(executor, arg, { force: true });
    rows = s.rowsRead;
    perDataset = Object.fromEntries(s.datasets.map((d) => [d.dataset, d.ms]));
  } else if (mode === 'record-reference') {
    perDataset = await ref.importReference(target, arg);
  } else if (mode === 'record-reimport') {
    const seed = (await import(
      pathToFileURL(join(root, 'src/seed/loadSeed.js')).href
    )) as typeof import('../src/seed/loadSeed.js');
    await seed.loadSeed(executor);
    rows = (await imp.importAll(executor, arg)).rowsRead;
    perDataset = {};
    for (const name of REIMPORTED)
      perDataset[name] = (await imp.importDataset(executor, name, arg, { force: true })).ms;
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - t0;
  const { now, peak } = rss();
  return { baselineKb, peakKb: peak, afterKb: now, ms: Math.round(ms), rows, perDataset };
}

// ------------------------------------------------------------------------------------------ synthetic

/** Row `i` of a synthetic NMC file: ccode 1 + i / 201, years 1816–2016, values from a fixed LCG. */
function synthetic(i: number) {
  const ccode = 1 + Math.floor(i / 201);
  const year = 1816 + (i % 201);
  let x = (i * 2654435761) >>> 0;
  const next = (m: number) => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x % m;
  };
  const v = (m: number) => (next(10) === 0 ? -9 : next(m));
  return {
    id: `${ccode}-${year}`,
    ccode,
    year,
    milex: v(1_000_000),
    milper: v(5000),
    irst: v(100_000),
    pec: v(2_000_000),
    tpop: v(1_000_000),
    upop: v(100_000),
    cinc: Number((next(1_000_000) / 1e7).toFixed(7)),
  };
}

/** Writes an NMC-shaped file (CRLF, as NMC 6.0) of at least `sizeMb` MB into `dir`; returns its rows. */
function writeSynthetic(dir: string, sizeMb: number): number {
  mkdirSync(dir, { recursive: true });
  const parts: string[] = ['stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\r\n'];
  let bytes = parts[0]!.length;
  let i = 0;
  for (; bytes < sizeMb * 1024 * 1024; i++) {
    const r = synthetic(i);
    const line = `S${r.ccode},${r.ccode},${r.year},${r.milex},${r.milper},${r.irst},${r.pec},${r.tpop},${r.upop},${r.cinc},2021\r\n`;
    parts.push(line);
    bytes += line.length;
  }
  writeFileSync(join(dir, 'NMC-60-abridged.csv'), parts.join(''));
  return i;
}

// --------------------------------------------------------------------------------------------- parent

function runChild(mode: string, arg: string, root = projectRoot, nodeFlags: string[] = []): ChildResult {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, '--expose-gc', ...nodeFlags, self, '--child', mode, arg, root],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (r.status !== 0) throw new Error(`${mode} ${arg}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

/** A child that may run out of memory (a capped heap): its result, or null. */
function tryChild(mode: string, arg: string, root: string, nodeFlags: string[]): ChildResult | null {
  try {
    return runChild(mode, arg, root, nodeFlags);
  } catch (e) {
    if (/heap out of memory|Reached heap limit/.test((e as Error).message)) return null;
    throw e;
  }
}

/** V8 grows its heap with the allocation rate, so an uncapped peak RSS overstates what is live: the same import with the old space capped shows it. */
const CAP_MB = 96;

async function main() {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const sizes = (opt('--sizes') ?? '5,25,50').split(',').map(Number);
  const runs = Number(opt('--runs') ?? 3);
  const dataDir = resolve(opt('--data') ?? resolve(projectRoot, '..', 'shared', 'data'));
  const root = opt('--root');
  const out = opt('--out');
  const skipMemory = flag('--skip-memory');
  const skipRecord = flag('--skip-record');
  const skipReimport = flag('--skip-reimport');
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

  if (!skipMemory) {
    const tmp = mkdtempSync(join(tmpdir(), 'alliance-bench-import-'));
    try {
      const cap = [`--max-old-space-size=${CAP_MB}`];
      const impls: [string, string, string | undefined, string[]][] = [
        ['importer', 'importer-null', undefined, []],
        [`importer, heap ≤ ${CAP_MB} MB`, 'importer-null', undefined, cap],
        ['reference (csv-parse, rows held)', 'reference-null', undefined, []],
      ];
      if (root)
        impls.push(
          [`importer of ${root}`, 'importer-null', resolve(root), []],
          [`importer of ${root}, heap ≤ ${CAP_MB} MB`, 'importer-null', resolve(root), cap],
        );
      const memory: { sizeMb: number; rows: number; results: Record<string, ChildResult | null> }[] = [];
      console.log("## Memory against file size (synthetic NMC-shaped file, null store: the importer's own growth)\n");
      console.log(`| file MB | rows | ${impls.map(([n]) => `${n}: peak RSS − before, MB (s)`).join(' | ')} |`);
      console.log(`|---:|---:|${impls.map(() => '---:').join('|')}|`);
      for (const size of sizes) {
        const dir = join(tmp, `nmc-${size}`);
        const rows = writeSynthetic(dir, size);
        const fileMb = statSync(join(dir, 'NMC-60-abridged.csv')).size / 1048576;
        const results: Record<string, ChildResult | null> = {};
        for (const [name, mode, r, flags] of impls) results[name] = tryChild(mode, dir, r ?? projectRoot, flags);
        memory.push({ sizeMb: fileMb, rows, results });
        const cell = (x: ChildResult | null) =>
          x ? `${mb(x.peakKb - x.baselineKb)} (${(x.ms / 1000).toFixed(1)})` : 'out of memory';
        console.log(`| ${fileMb.toFixed(1)} | ${rows} | ${impls.map(([n]) => cell(results[n]!)).join(' | ')} |`);
        if (size !== sizes[0]) rmSync(dir, { recursive: true, force: true });
      }
      if (memory.length > 1) {
        const first = memory[0]!;
        const last = memory[memory.length - 1]!;
        const slope = (n: string) => {
          const a = first.results[n];
          const b = last.results[n];
          return a && b ? ((b.peakKb - a.peakKb) / 1024 / (last.sizeMb - first.sizeMb)).toFixed(2) : 'n/a';
        };
        console.log(
          `\nslope, MB of peak RSS per MB of file (${first.sizeMb.toFixed(0)} → ${last.sizeMb.toFixed(0)} MB): ${impls.map(([n]) => `${n} ${slope(n)}`).join(', ')}`,
        );
      }
      // The graph itself, at the smallest size: what an in-memory store must hold, with and without the importer.
      const small = memory[0]!;
      const dir = join(tmp, `nmc-${sizes[0]}`);
      const withImporter = runChild('importer-grafeo', dir);
      const storeOnly = runChild('storeonly-grafeo', String(small.rows));
      console.log(
        `\nGrafeo in memory, ${small.sizeMb.toFixed(1)} MB file (${small.rows} rows): peak RSS − before ${mb(withImporter.peakKb - withImporter.baselineKb)} MB with the importer (${(withImporter.ms / 1000).toFixed(1)} s), ${mb(storeOnly.peakKb - storeOnly.baselineKb)} MB writing the same nodes without a file (${(storeOnly.ms / 1000).toFixed(1)} s): the importer adds ${mb(withImporter.peakKb - storeOnly.peakKb)} MB to the graph's own`,
      );
      report.memory = {
        sizes: memory,
        grafeo: { sizeMb: small.sizeMb, rows: small.rows, importer: withImporter, storeOnly },
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  if (!skipRecord) {
    const importer: ChildResult[] = [];
    const reference: ChildResult[] = [];
    const other: ChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      importer.push(runChild('record-importer', dataDir));
      reference.push(runChild('record-reference', dataDir));
      if (root) other.push(runChild('record-importer', dataDir, resolve(root)));
    }
    const mi = median(importer.map((r) => r.ms));
    const mr = median(reference.map((r) => r.ms));
    console.log(
      `\n## The published record (${dataDir}) into a fresh in-memory Grafeo store, ${runs} runs each, interleaved\n`,
    );
    console.log(
      `importer (import all): ${importer.map((r) => r.ms).join(', ')} ms, median ${mi} ms, peak RSS ${mb(median(importer.map((r) => r.peakKb)))} MB`,
    );
    console.log(
      `plain reference (csv-parse + UNWIND CREATE): ${reference.map((r) => r.ms).join(', ')} ms, median ${mr} ms, peak RSS ${mb(median(reference.map((r) => r.peakKb)))} MB`,
    );
    const ratios = importer.map((r, i) => r.ms / reference[i]!.ms);
    console.log(
      `ratio of medians ${(mi / mr).toFixed(2)}× (per interleaved pair: ${ratios.map((x) => x.toFixed(2)).join(', ')}, median ${median(ratios).toFixed(2)}×; target ≤ 1.5×)`,
    );
    if (root) {
      const mo = median(other.map((r) => r.ms));
      console.log(
        `importer of ${root}: ${other.map((r) => r.ms).join(', ')} ms, median ${mo} ms (${(mo / mr).toFixed(2)}× the reference), peak RSS ${mb(median(other.map((r) => r.peakKb)))} MB`,
      );
      report.recordOther = { root, runs: other, medianMs: mo };
    }
    const names = Object.keys(importer[0]!.perDataset ?? {});
    console.log('\n| data set | importer ms (median) | reference ms (median) | ratio |\n|---|---:|---:|---:|');
    for (const n of names) {
      const a = median(importer.map((r) => r.perDataset![n]!));
      const b = median(reference.map((r) => r.perDataset![n] ?? NaN));
      console.log(`| ${n} | ${Math.round(a)} | ${Math.round(b)} | ${(a / b).toFixed(2)} |`);
    }
    report.record = { runs, importer, reference, medianMs: { importer: mi, reference: mr }, ratio: mi / mr };
  }
  if (!skipReimport) {
    const mine: ChildResult[] = [];
    const other: ChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      mine.push(runChild('record-reimport', dataDir));
      if (root) other.push(runChild('record-reimport', dataDir, resolve(root)));
    }
    console.log(
      `\n## A re-import of the shared data sets (forced, the same files) over the seed and the record (${dataDir}), in-memory Grafeo, ${runs} runs${root ? ' each, interleaved' : ''}\n`,
    );
    const cells = (rs: ChildResult[], n: string) => {
      const ms = rs.map((r) => r.perDataset![n]!);
      return `${ms.join(', ')} (median ${median(ms)})`;
    };
    console.log(`| data set | this importer, ms | ${root ? `importer of ${root}, ms |` : ''}`);
    console.log(`|---|---:|${root ? '---:|' : ''}`);
    for (const n of REIMPORTED) console.log(`| ${n} | ${cells(mine, n)} | ${root ? `${cells(other, n)} |` : ''}`);
    report.reimport = { runs, importer: mine, ...(root ? { root, other } : {}) };
  }
  if (out) {
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nrecorded in ${out}`);
  }
}

if (process.argv[2] === '--child') {
  const [, , , mode, arg, root] = process.argv;
  console.log(JSON.stringify(await child(mode!, arg!, root!)));
  process.exit(0);
} else {
  await main();
}
