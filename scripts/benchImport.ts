/**
 * Benchmark of `import all`: a fresh in-memory Grafeo store (graph/schema.cypher applied), every data
 * set of the folder imported in order, then imported again with `force` (idempotence: no count may change;
 * without `force` the same files are skipped as already loaded).
 * Prints wall time, rows/s and peak RSS per data set and in total; `--out file.json` records them.
 *
 *     npx tsx scripts/benchImport.ts [data dir, default ../shared/data] [--batch-size N] [--out file.json]
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applySchema, CypherRegistry, GrafeoStore, QueryExecutor } from '../src/store/index.js';
import { importAll, DEFAULT_BATCH_SIZE } from '../src/import/index.js';
import { projectRoot } from '../src/paths.js';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const out = opt('--out');
const batchSize = Number(opt('--batch-size') ?? DEFAULT_BATCH_SIZE);
const dir = resolve(args[0] ?? resolve(projectRoot, '..', 'shared', 'data'));

const store = GrafeoStore.open();
await applySchema(store);
const executor = new QueryExecutor(store, CypherRegistry.load());

const countAll = async () => {
  const n = await executor.read<{ label: string; count: number }>('countNodesByLabel');
  const r = await executor.read<{ type: string; count: number }>('countRelationshipsByType');
  return JSON.stringify([n, r]);
};
const first = await importAll(executor, dir, { batchSize });
const countsFirst = await countAll();
const second = await importAll(executor, dir, { batchSize, force: true });
const countsSecond = await countAll();

const rows = first.datasets.map((d) => ({
  dataset: d.dataset, rows: d.rowsRead, ms: d.ms, rowsPerSecond: d.rowsPerSecond, peakRssMb: d.peakRssMb,
  nodesWritten: d.totals.nodes, relationshipsWritten: d.totals.relationships,
}));
console.log(`import all ${dir} (batch size ${batchSize}, node ${process.version}, Grafeo in memory)\n`);
console.log('| dataset | rows | wall ms | rows/s | peak RSS MB | nodes written | relationships written |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.dataset} | ${r.rows} | ${r.ms} | ${r.rowsPerSecond} | ${r.peakRssMb} | ${r.nodesWritten} | ${r.relationshipsWritten} |`);
console.log(`| **total** | ${first.rowsRead} | ${first.ms} | ${first.rowsPerSecond} | ${first.peakRssMb} | ${rows.reduce((n, r) => n + r.nodesWritten, 0)} | ${rows.reduce((n, r) => n + r.relationshipsWritten, 0)} |`);
const changed = countsFirst !== countsSecond;
console.log(`\nre-import (forced): ${second.ms} ms, ${changed ? 'COUNTS CHANGED' : 'no count changed'}`);
if (first.skipped.length) console.log(`skipped: ${first.skipped.map((s) => s.dataset).join(', ')}`);
if (out) {
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, batchSize, dir, datasets: rows, total: { rows: first.rowsRead, ms: first.ms, rowsPerSecond: first.rowsPerSecond, peakRssMb: first.peakRssMb }, reimportMs: second.ms, reimportChanged: changed }, null, 2) + '\n');
  console.log(`recorded in ${out}`);
}
await store.close();
