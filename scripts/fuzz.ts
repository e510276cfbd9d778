/**
 * npm run fuzz -- [--count 10000] [--time 600] [--seed 1] [--concurrency 4] [--full] [--strict] [--url http://127.0.0.1:4000/]
 *
 * Fuzzes the server with schema-driven random operations and malformed requests (see
 * scripts/harness/generate.ts): by default an in-process server on the curated seed in memory
 * (`--full`: plus the published data sets of ../shared/data), or a running server given by
 * `--url` (loopback only). Bounded in count and time. Prints counts by HTTP status and by code,
 * and the data fingerprint before and after (in-process only). Exits 1 on any 5xx that is not a
 * store outage, any non-JSON body, any error without a code, any leak of a stack or path, any hang,
 * or changed data; `--strict` also on masked INTERNAL_SERVER_ERRORs.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { buildAppSchema } from '../src/buildAppSchema.js';
import { runFuzz } from './harness/runFuzz.js';
import { failed, formatTally } from './harness/check.js';
import { fingerprint, openFixture, serveFixture } from './harness/fixture.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    time: { type: 'string', default: '600' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    full: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    url: { type: 'string' },
  },
});

const schema = await buildAppSchema();
let url = values.url;
let stop = async () => {};
let before: Awaited<ReturnType<typeof fingerprint>> | undefined;
let executor;
if (!url) {
  executor = await openFixture(values.full!);
  const server = await serveFixture(executor);
  url = server.url;
  stop = () => server.stop();
  before = await fingerprint(executor);
}
console.log(
  `fuzzing ${url}: up to ${values.count} requests in ${values.time} s, seed ${values.seed}, ${values.concurrency} at a time`,
);
const tally = await runFuzz({
  url,
  schema,
  count: Number(values.count),
  timeMs: Number(values.time) * 1000,
  seed: Number(values.seed),
  concurrency: Number(values.concurrency),
  onProgress: (n) => process.stderr.write(`  ${n} requests\r`),
});
console.log(
  `${formatTally(tally)}\nwall time ${(tally.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
let changed = false;
if (executor && before) {
  const after = await fingerprint(executor);
  changed = JSON.stringify(after) !== JSON.stringify(before);
  console.log(
    `data before: ${JSON.stringify(before)}\ndata after:  ${JSON.stringify(after)}${changed ? '  CHANGED' : '  (unchanged)'}`,
  );
}
await stop();
const bad = failed(tally) || changed || (values.strict! && tally.internal.length > 0);
console.log(bad ? 'FUZZ FAILED' : 'fuzz passed');
process.exit(bad ? 1 : 0);
