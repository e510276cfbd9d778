/**
 * npx tsx scripts/benchTraversals.ts [data-dir]   (default ../shared/data)
 *
 * Times each research traversal through the API (in process) on the curated seed plus the full
 * published data sets: median and 90th percentile of repeated runs, store round trips per request.
 * Prints figures only; asserts nothing (the tests check behaviour, this measures it).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { applySchema, CypherRegistry, GrafeoStore, QueryExecutor } from '../src/store/index.js';
import { loadSeed } from '../src/seed/loadSeed.js';
import { importAll } from '../src/import/index.js';
import { createApollo } from '../src/server.js';
import { createContext } from '../src/context.js';
import { projectRoot } from '../src/paths.js';

const dataDir = process.argv[2] ?? join(projectRoot, '..', 'shared', 'data');
const executor = new QueryExecutor(GrafeoStore.open(), CypherRegistry.load());
await applySchema(executor.store);
await loadSeed(executor);
const t0 = performance.now();
await importAll(executor, dataDir);
console.log(`imported ${dataDir} in ${Math.round(performance.now() - t0)} ms`);
const limits = { maxDepth: 12, maxCost: 10_000_000, maxPageSize: 1000 };
const { apollo } = await createApollo({ executor, limits });
await apollo.start();

async function run(query: string): Promise<{ ms: number; roundTrips: number }> {
  const ctx = createContext(executor, limits);
  const t = performance.now();
  const res = await apollo.executeOperation({ query }, { contextValue: ctx });
  const ms = performance.now() - t;
  if (res.body.kind === 'single' && res.body.singleResult.errors) throw new Error(JSON.stringify(res.body.singleResult.errors));
  return { ms, roundTrips: ctx.roundTrips.count };
}

const cases: [string, string][] = [
  ['sharedTargets (US, UK, Jan 1949)', '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { target { ccode } strength evidence { kind sources { key } } } }'],
  ['alternativeAllies (UK, Anglo-German talks)', '{ alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score reasons { text } } }'],
  ['outsideOptions (USSR, 1939 talks)', '{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall alternativeAllies { allies { state { ccode } } } unilateral { attractiveness } buckPassing { attractiveness } } }'],
  ['portfolioSimilarity S (GMY, AUH, 1914)', '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value } }'],
  ['capabilityRatio (GMY, RUS, 1914)', '{ capabilityRatio(stateA: 255, stateB: 365, year: 1914) { ratio } }'],
  ['allianceNetwork (1914-06-28)', '{ allianceNetwork(at: "1914-06-28") { nodes { ccode cinc } edges { source target obligation } } }'],
  ['alliancePath (JPN to FRN, 1914)', '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { states } }'],
  ['state time travel (GMY 1950)', '{ state(ccode: 255) { inSystem(at: "1950") majorPower(at: "1938") allies(at: "1914-06-28") { state { ccode } } } }'],
  ['agreementLikelihood (NATO talks, cached model)', '{ agreementLikelihood(negotiation: "north-atlantic-1948") { probability } }'],
  ['negotiations.partyPositions.outsideOptions (first 5)', '{ negotiations(first: 5) { edges { node { partyPositions { outsideOptions { overall } } } } } }'],
  ['negotiations.partyPositions.outsideOptions (all)', '{ negotiations(first: 1000) { edges { node { partyPositions { outsideOptions { overall } } } } } }'],
];

await run(cases[8]![1]); // warm the model cache once; its first fit is reported below
const first = await run('{ hypotheticalAgreement(input: {date: "1912", parties: [200, 255], plans: []}) { probability } }');
console.log(`model cache warm; a hypothetical estimate then takes ${first.ms.toFixed(1)} ms\n`);
console.log('traversal'.padEnd(50), 'median ms'.padStart(10), 'p90 ms'.padStart(8), 'round trips'.padStart(12));
for (const [name, query] of cases) {
  const times: number[] = [];
  let trips = 0;
  for (let i = 0; i < 7; i++) { const r = await run(query); times.push(r.ms); trips = r.roundTrips; }
  times.sort((a, b) => a - b);
  console.log(name.padEnd(50), times[3]!.toFixed(1).padStart(10), times[6]!.toFixed(1).padStart(8), String(trips).padStart(12));
}
await apollo.stop();
await executor.store.close();
