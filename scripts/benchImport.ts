/**
 * Benchmark of `import all`: a fresh in-memory Grafeo store (graph/schema.cypher applied), every data
 * set of the folder imported in order, then imported again (idempotence: no count may change).
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

const first = await importAll(executor, dir, { batchSize });
const second = await importAll(executor, dir, { batchSize });

const rows = first.datasets.map((d) => ({
  dataset: d.dataset, rows: d.rowsRead, ms: d.ms, rowsPerSecond: d.rowsPerSecond, peakRssMb: d.peakRssMb,
  nodesCreated: d.totals.nodesCreated, relationshipsCreated: d.totals.relationshipsCreated,
}));
console.log(`import all ${dir} (batch size ${batchSize}, node ${process.version}, Grafeo in memory)\n`);
console.log('| dataset | rows | wall ms | rows/s | peak RSS MB | nodes created | relationships created |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.dataset} | ${r.rows} | ${r.ms} | ${r.rowsPerSecond} | ${r.peakRssMb} | ${r.nodesCreated} | ${r.relationshipsCreated} |`);
console.log(`| **total** | ${first.rowsRead} | ${first.ms} | ${first.rowsPerSecond} | ${first.peakRssMb} | ${rows.reduce((n, r) => n + r.nodesCreated, 0)} | ${rows.reduce((n, r) => n + r.relationshipsCreated, 0)} |`);
const changed = second.datasets.filter((d) => d.totals.nodesCreated || d.totals.relationshipsCreated);
console.log(`\nre-import: ${second.ms} ms, ${changed.length ? `COUNTS CHANGED in ${changed.map((d) => d.dataset).join(', ')}` : 'no count changed'}`);
if (first.skipped.length) console.log(`skipped: ${first.skipped.map((s) => s.dataset).join(', ')}`);
if (out) {
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, batchSize, dir, datasets: rows, total: { rows: first.rowsRead, ms: first.ms, rowsPerSecond: first.rowsPerSecond, peakRssMb: first.peakRssMb }, reimportMs: second.ms, reimportChanged: changed.map((d) => d.dataset) }, null, 2) + '\n');
  console.log(`recorded in ${out}`);
}
await store.close();
