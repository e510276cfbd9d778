/**
 * npm run load:kill-neo4j -- [--runs 3] [--clients 4] [--outage-ms N] [--source]
 *
 * Neo4j killed (SIGKILL) under a light load while the API serves from it, then started again on the
 * same data and port (issue 28 §5; the scenario is scripts/harness/neo4jOutage.ts, which
 * test/neo4j/killedUnderLoad.neo4j.test.ts asserts on). Each run starts a Neo4j of its own on a free
 * port (never NEO4J_URI's) and the API as `npm start` runs it (built first; `--source` runs src/
 * with tsx instead), with the configuration of this environment (REQUEST_TIMEOUT_MS ...). Prints, per
 * run and as medians: the time from the kill to the first 503, the latency of the requests sent
 * during the outage (p50, p99, max), how many of them were answered otherwise than by a 503 (and
 * with which codes the 503s came), /healthz p99 meanwhile, the time from the kill to /readyz not
 * ready and from the restart to /readyz ready, and whether the API and the graph hold the same
 * data as before the kill. Exits 1 if any run saw a hang, a 500, an answer past the deadline or no
 * recovery.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { buildIfStale, median } from './harness/external.js';
import { outageBreakdown, outageFigures, runNeo4jOutage, type OutageFigures } from './harness/neo4jOutage.js';
import { neo4jLauncherBuilt } from './harness/ownNeo4j.js';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    clients: { type: 'string', default: '4' },
    'outage-ms': { type: 'string' },
    source: { type: 'boolean', default: false },
  },
});

if (!neo4jLauncherBuilt()) {
  console.log('building the Neo4j launcher (scripts/neo4j/run.sh --build-only) ...');
  if (spawnSync('bash', [join(projectRoot, 'scripts', 'neo4j', 'run.sh'), '--build-only'], { stdio: 'inherit' }).status)
    throw new Error('the Neo4j launcher did not build');
}
if (!values.source) buildIfStale();

const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : String(x));
const rows: OutageFigures[] = [];
let bad = false;
for (let i = 1; i <= Number(values.runs); i++) {
  console.log(`\n== run ${i}`);
  const run = await runNeo4jOutage({
    api: values.source ? 'source' : 'dist',
    clients: Number(values.clients),
    outageMs: values['outage-ms'] ? Number(values['outage-ms']) : undefined,
    log: (line) => console.log(`  ${line}`),
  });
  const f = outageFigures(run);
  rows.push(f);
  console.log(`  load average ${run.loadAverage.before} -> ${run.loadAverage.after}`);
  console.log(`  kill -> first 503: ${ms(f.killToFirst503Ms)}`);
  console.log(
    `  during the outage: ${f.outageRequests} requests, latency p50 ${ms(f.outageLatency.p50)}, p99 ${ms(f.outageLatency.p99)}, max ${ms(f.outageLatency.max)} (deadline ${run.requestTimeoutMs} ms)`,
  );
  console.log(`  answers: ${JSON.stringify(outageBreakdown(run))}`);
  console.log(`  /healthz meanwhile: p99 ${ms(f.healthzP99)}, max ${ms(f.healthzMax)}`);
  console.log(
    `  /readyz: not ready ${ms(f.killToNotReadyMs)} after the kill; ready ${ms(f.restartToReadyMs)} after the restart began (${ms(f.neo4jReadyToReadyMs)} after the launcher said ready); the fingerprint query answered ${ms(f.readyToAnswersMs)} later`,
  );
  console.log(
    `  same data: ${f.sameData} (API ${JSON.stringify(run.apiFingerprint)}, graph ${JSON.stringify(run.storeFingerprint)})`,
  );
  const hangsOr500 = run.answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503)).length;
  if (hangsOr500 || f.worstOverDeadlineMs > 1000 || !Number.isFinite(f.restartToReadyMs) || !f.sameData) bad = true;
}

const med = (pick: (f: OutageFigures) => number) => ms(median(rows.map(pick)));
console.log(`\nmedians over ${rows.length} runs:`);
console.log(
  [
    '| kill → first 503 | outage requests | p50 | p99 | max | non-503 answers | /healthz p99 | kill → /readyz 503 | restart → /readyz 200 |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${med((f) => f.killToFirst503Ms)} | ${median(rows.map((f) => f.outageRequests))} | ${med((f) => f.outageLatency.p50)} | ${med((f) => f.outageLatency.p99)} | ${med((f) => f.outageLatency.max)} | ${median(rows.map((f) => f.non503))} | ${med((f) => f.healthzP99)} | ${med((f) => f.killToNotReadyMs)} | ${med((f) => f.restartToReadyMs)} |`,
  ].join('\n'),
);
console.log(
  bad
    ? 'OUTAGE CHECK FAILED (a hang, a 500, an answer past the deadline, no recovery or other data)'
    : 'outage check passed',
);
process.exit(bad ? 1 : 0);
