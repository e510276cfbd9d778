/**
 * npm run bench [-- options]    (npx tsx scripts/bench.ts)
 *
 *   --data DIR        published data sets to import over the seed (default ../shared/data; "none": seed only)
 *   --cypher DIR      load the Cypher files from DIR instead of cypher/ (compare old query bodies)
 *   --runs N          interleaved runs per case (default 7)
 *   --seconds S       seconds per req/s measurement (default 3)
 *   --rounds R        rps: interleaved rounds (default 5); --concurrency C[,C]: clients (default 32)
 *   --scale 1,10,100  factors of the scale and growth runs (default 1,10)
 *   --only a,b,c      sections: ops, rps, growth (default all three; `scale` is growth), costs, dyad-year, gexf,
 *                     export-http, series (only when named)
 *   --store S         growth: embedded (default) or neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD: a scratch
 *                     database, emptied before each factor)
 *   --save FILE       growth: keep each factor's results in FILE (JSON), merged with those it holds, and print
 *                     the tables over all of them: factors measured by separate runs make one table
 *   --state-spans N   growth: each state system over N spans of years (scripts/syntheticGraph.ts; default 1)
 *   --from Y, --to Y  dyad-year: the years exported (default 1816, 1949); --directed: both orders
 *   --python FILE     dyad-year: a Python reference script (`python3 FILE OUT.csv --data DIR --from Y --to Y
 *                     [--directed]`; scripts/reference/dyadYearPandas.py, pandas on the raw files), run interleaved
 *   --gexf-from Y, --gexf-to Y  gexf: the dynamic GEXF's years, with negotiations (default 1815, 2018)
 *   --ranges Y,Y,...  dyad-year, gexf: each from its first year to each of these instead; --live-heap (with
 *                     node --expose-gc): the heap in use after full GCs during the export (what it holds)
 *   export-http: --http-formats dyad-year,gexf (default both; also state-year), the ranges above (--from, --to,
 *                     --directed, --gexf-from, --gexf-to) or --ranges Y,Y,... (each format from its first year to
 *                     each), --baseline DIR (another checkout with node_modules, its server measured in turn),
 *                     --trace-gc (the servers' GC pauses), --timeout-ms MS (REQUEST_TIMEOUT_MS; default the server's)
 *
 * 1. ops: each explorer example (src/web/examples.graphql) and traversal through the API in process,
 *    interleaved with the raw Cypher it issued (its store calls, recorded on the way, replayed through
 *    store.read on the same store twice: one after the other, an upper bound of the store's share, and
 *    all at once, a lower one, since the API sends each level's reads together): medians of end-to-end
 *    ms and both replays, round trips, the ratios.
 * 2. rps (--rounds R, default 5; --concurrency 32 or a list): requests/s measured from outside. The
 *    project's server as `npm start` runs it (`node dist/src/cli.js serve`, NODE_ENV=production, its
 *    request log on; the shipped published data sets imported, none with --data none), twice: read
 *    cache on and READ_CACHE=false; the baselines, a bare Apollo Server 5 answering `{ hello }` on
 *    express 5 (as the project serves) and on Apollo's standalone server (scripts/harness/bareApollo.ts);
 *    each in its own process, the load from autocannon in another (scripts/harness/external.ts). Every
 *    target once per round for --seconds, the order reversed every other round; medians (min–max) of
 *    req/s, p50 and p99, and the ratio to bare Apollo on express in the same round; load average printed.
 * 3. growth (section 7 below).
 * 4. costs: the weight each costed field declares (src/schema/fieldCost.ts, in units of 0.1 ms) beside
 *    the one measured here on the same graph: a probe per field, its median end-to-end ms less that of
 *    the same request without the field, divided by the times the field was resolved (the parties
 *    of a page, the points of a series ...).
 * 5. dyad-year, gexf: the dyad-year CSV of [--from, --to] (the dynamic GEXF of [--gexf-from, --gexf-to]
 *    with negotiations, through runExport as the router runs it) written to a counting sink, interleaved with the
 *    Python reference when --python is given: median ms, the longest event-loop stall during the
 *    export (perf_hooks.monitorEventLoopDelay, 1 ms resolution), the RSS and heap growth over the
 *    export (sampled every 5 ms) and the process's peak RSS, rows and bytes, and the ratio to Python;
 *    the same stall monitor over an idle second before each run shows what the machine's load alone causes.
 * 6. export-http: the same exports as users get them. The server as `npm start` runs it (`node
 *    dist/src/cli.js serve`, NODE_ENV=production, request log on; a first start imports the published
 *    data sets into a fresh DATA_DIR, then a fresh process serves), the export fetched by curl in its own
 *    process, /healthz asked every ~10 ms by scripts/harness/healthProbe.ts in a third: per run the
 *    status, bytes, time to the first and the last byte, /healthz p50/p99/max while the export ran (and
 *    over an idle second before it), the server's RSS before and its peak during the export (VmHWM,
 *    reset per run through /proc/PID/clear_refs), its CPU time and its loop thread's (and how often the
 *    scheduler took the loop thread off a core: on a busy machine, time it could answer nothing). With
 *    --baseline, every case on both servers in turn and the per-round ratios.
 * 7. series: outsideOptionsSeries through the API in process, the options page's own query and a
 *    light selection, over the whole span (1815–2018 a year a point, the default), the old 1815–1949,
 *    the United States 1945–2018 and the eras: median ms, store round trips, points, the longest
 *    event-loop stall, interleaved runs (each on a fresh request: no result cache).
 * 7. growth: the record (the seed and the published data sets of --data, default seed/published/ here)
 *    copied along its real dimensions at each --scale factor (scripts/syntheticGraph.ts: more states,
 *    treaties with memberships, negotiations, later years; bulk-written), its build time and peak RSS;
 *    then every operation of scripts/growthOperations.ts (the traversals, lookups, examples, pages and
 *    exports, asked about the record's own states and dates, so each answer stays the same) with
 *    interleaved runs: per operation the median ms at each factor and the growth exponent (the
 *    least-squares slope of log ms on log factor, times floored at 2 ms: Apollo's own cost), flagged
 *    at 0.3 or more; per Cypher file, in the operation where it grows most, the exponent of its
 *    replayed time (floored at 1 ms) and (embedded store) of the rows its PROFILE's operators
 *    handled, which a loaded machine does not blur. --save FILE keeps each factor's results.
 * Prints figures only; asserts nothing (test/analysis/scaling.test.ts checks the growth).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, print, Kind, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { ApolloServer } from '@apollo/server';
import {
  applySchema,
  CypherRegistry,
  GrafeoStore,
  QueryExecutor,
  type GraphStore,
  type Params,
  type Row,
  type StoreTransaction,
} from '../src/store/index.js';
import { loadSeed } from '../src/seed/loadSeed.js';
import { importAll } from '../src/import/index.js';
import { createApollo } from '../src/server.js';
import { createContext } from '../src/context.js';
import type { FieldCost } from '../src/schema/fieldCost.js';
import { projectRoot } from '../src/paths.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : dflt;
};
const dataArg = opt('--data', join(projectRoot, '..', 'shared', 'data'));
const cypherDir = opt('--cypher', join(projectRoot, 'cypher'));
const runs = Number(opt('--runs', '7'));
const seconds = Number(opt('--seconds', '3'));
const factors = opt('--scale', '1,10').split(',').map(Number);
// `scale` (the old negotiations-only run) is now the growth run.
const sections = new Set(
  opt('--only', 'ops,rps,growth')
    .split(',')
    .map((s) => (s === 'scale' ? 'growth' : s)),
);
const registry = CypherRegistry.load(resolve(cypherDir));
const limits = { maxDepth: 12, maxCost: 10_000_000, maxPageSize: 1000 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const f1 = (x: number) => x.toFixed(1);

/** A store that records every read it passes on (text, params, tag), while `recording` is set. */
class RecordingStore implements GraphStore {
  recording: { text: string; params: Params; tag: string; ms: number }[] | null = null;
  constructor(readonly inner: GraphStore) {}
  get kind() {
    return this.inner.kind;
  }
  async read(text: string, params: Params, tag: string): Promise<Row[]> {
    const t = performance.now();
    const rows = await this.inner.read(text, params, tag);
    this.recording?.push({ text, params, tag, ms: performance.now() - t });
    return rows;
  }
  write(text: string, params: Params, tag: string) {
    return this.inner.write(text, params, tag);
  }
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>, tag: string): Promise<T> {
    return this.inner.transaction(work, tag);
  }
  health() {
    return this.inner.health();
  }
  close() {
    return this.inner.close();
  }
}

/** The named operations of the explorer's examples, each with its `# variables:` line. */
function explorerExamples(): [string, string, Record<string, unknown>][] {
  const text = readFileSync(join(projectRoot, 'src', 'web', 'examples.graphql'), 'utf8');
  const doc = parse(text);
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query')
    .map((d) => {
      const before = text.slice(0, d.loc!.start).split('\n').slice(-4).join('\n');
      const vars = /# variables: (\{.*\})\s*$/m.exec(before)?.[1];
      return [`example ${d.name!.value}`, print(d), vars ? (JSON.parse(vars) as Record<string, unknown>) : {}];
    });
}

const traversals: [string, string, Record<string, unknown>][] = [
  [
    'sharedTargets (US, UK, Jan 1949)',
    '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { target { ccode } strength evidence { kind sources { key } } } }',
    {},
  ],
  [
    'alternativeAllies (UK, Anglo-German talks)',
    '{ alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score reasons { text } } }',
    {},
  ],
  [
    'outsideOptions (USSR, 1939 talks)',
    '{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall alternativeAllies { allies { state { ccode } } } unilateral { attractiveness } buckPassing { attractiveness } } }',
    {},
  ],
  [
    'portfolioSimilarity S (GMY, AUH, 1914)',
    '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value } }',
    {},
  ],
  ['capabilityRatio (GMY, RUS, 1914)', '{ capabilityRatio(stateA: 255, stateB: 365, year: 1914) { ratio } }', {}],
  [
    'allianceNetwork (1914-06-28)',
    '{ allianceNetwork(at: "1914-06-28") { nodes { ccode cinc } edges { source target obligation } } }',
    {},
  ],
  ['alliancePath (JPN to FRN, 1914)', '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { states } }', {}],
  [
    'agreementLikelihood (NATO talks, cached)',
    '{ agreementLikelihood(negotiation: "north-atlantic-1948") { probability } }',
    {},
  ],
  [
    'negotiations(first: 50).partyPositions.outsideOptions',
    '{ negotiations(first: 50) { edges { node { partyPositions { outsideOptions { overall } } } } } }',
    {},
  ],
];

async function openGraph(data: string | null): Promise<{ executor: QueryExecutor; store: RecordingStore }> {
  const store = new RecordingStore(GrafeoStore.open());
  await applySchema(store);
  const executor = new QueryExecutor(store, registry);
  await loadSeed(executor);
  if (data) await importAll(executor, data);
  return { executor, store };
}

async function runCase(
  apollo: ApolloServer<never>,
  executor: QueryExecutor,
  store: RecordingStore,
  query: string,
  variables: Record<string, unknown>,
) {
  const ctx = createContext(executor, limits);
  store.recording = [];
  const t = performance.now();
  const res = await apollo.executeOperation({ query, variables }, { contextValue: ctx as never });
  const ms = performance.now() - t;
  const calls = store.recording;
  store.recording = null;
  if (res.body.kind === 'single' && res.body.singleResult.errors)
    throw new Error(JSON.stringify(res.body.singleResult.errors).slice(0, 400));
  return { ms, roundTrips: ctx.roundTrips.count, calls };
}

/** The recorded calls replayed one after the other (an upper bound of the store's share). */
async function replay(store: RecordingStore, calls: { text: string; params: Params; tag: string }[]): Promise<number> {
  const t = performance.now();
  for (const c of calls) await store.inner.read(c.text, c.params, c.tag);
  return performance.now() - t;
}

/** The recorded calls replayed all at once (a lower bound: the API waits for one level before the next). */
async function replayAtOnce(
  store: RecordingStore,
  calls: { text: string; params: Params; tag: string }[],
): Promise<number> {
  const t = performance.now();
  await Promise.all(calls.map((c) => store.inner.read(c.text, c.params, c.tag)));
  return performance.now() - t;
}

const data = dataArg === 'none' ? null : resolve(dataArg);
console.log(
  `bench: node ${process.version}, cypher from ${cypherDir}, data ${data ?? '(seed only)'}, ${runs} interleaved runs, medians\n`,
);

/** Probes of the costs section: the field, the request with it, the same without it, how many times it resolved. */
type Probe = [field: string, withField: string, without: string, times: (data: Record<string, unknown>) => number];
const count = (path: string[]) => (data: unknown) => {
  let level: unknown[] = [data];
  for (const key of path) level = level.flatMap((o) => (o as Record<string, unknown>)[key] ?? []);
  return level.length;
};
const partiesOf50 = count(['negotiations', 'edges', 'node', 'partyPositions']);
const probes: Probe[] = [
  [
    'Query.sharedTargets',
    '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { strength } }',
    '{ __typename }',
    () => 1,
  ],
  [
    'Query.alternativeAllies',
    '{ alternativeAllies(state: 200, negotiation: "anglo-german-1898") { score } }',
    '{ __typename }',
    () => 1,
  ],
  [
    'Query.outsideOptions',
    '{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall } }',
    '{ __typename }',
    () => 1,
  ],
  [
    'State.outsideOptions',
    '{ state(ccode: 365) { outsideOptions(negotiation: "british-french-soviet-1939") { overall } } }',
    '{ state(ccode: 365) { ccode } }',
    () => 1,
  ],
  [
    'NegotiationParty.outsideOptions',
    '{ negotiations(first: 50) { edges { node { partyPositions { outsideOptions { overall } } } } } }',
    '{ negotiations(first: 50) { edges { node { partyPositions { __typename } } } } }',
    partiesOf50,
  ],
  [
    'NegotiationParty.optionComparison',
    '{ negotiations(first: 50) { edges { node { partyPositions { optionComparison { agree } } } } } }',
    '{ negotiations(first: 50) { edges { node { partyPositions { __typename } } } } }',
    partiesOf50,
  ],
  [
    'Negotiation.compatibility',
    '{ negotiations(first: 50) { edges { node { compatibility { entry { targetAgreement } } } } } }',
    '{ negotiations(first: 50) { edges { node { key } } } }',
    () => 50,
  ],
  [
    'Negotiation.agreementLikelihood',
    '{ negotiations(first: 50) { edges { node { agreementLikelihood { probability } } } } }',
    '{ negotiations(first: 50) { edges { node { key } } } }',
    () => 50,
  ],
  [
    'Query.agreementLikelihood',
    '{ agreementLikelihood(negotiation: "north-atlantic-1948") { probability } }',
    '{ __typename }',
    () => 1,
  ],
  [
    'Query.hypotheticalAgreement',
    '{ hypotheticalAgreement(input: { date: "1912", parties: [200, 220], plans: [{ party: 200, target: 255, approach: DEFENSIVE }, { party: 220, target: 255, approach: DEFENSIVE }] }) { probability } }',
    '{ __typename }',
    () => 1,
  ],
  ['Query.outsideOptionsSeries', '{ outsideOptionsSeries(state: 200) { at } }', '{ __typename }', () => 204],
  [
    'Query.outsideOptionsSeries (ERA)',
    '{ outsideOptionsSeries(state: 200, step: ERA) { at } }',
    '{ __typename }',
    () => 11,
  ],
  [
    'Query.portfolioSimilarity',
    '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value } }',
    '{ __typename }',
    () => 1,
  ],
  [
    'Query.capabilityRatio',
    '{ capabilityRatio(stateA: 255, stateB: 365, year: 1914) { ratio } }',
    '{ __typename }',
    () => 1,
  ],
  ['Query.allianceNetwork', '{ allianceNetwork(at: "1914-06-28") { at } }', '{ __typename }', () => 1],
  [
    'Query.alliancePath',
    '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { length } }',
    '{ __typename }',
    () => 1,
  ],
  [
    'TreatyMembership.state',
    '{ treaties(first: 100) { edges { node { members { state { name } } } } } }',
    '{ treaties(first: 100) { edges { node { members { __typename } } } } }',
    count(['treaties', 'edges', 'node', 'members']),
  ],
];

if (sections.has('ops') || sections.has('costs')) {
  const t0 = performance.now();
  const { executor, store } = await openGraph(data);
  console.log(`graph ready in ${Math.round(performance.now() - t0)} ms`);
  const { apollo } = await createApollo({ executor, limits });
  await apollo.start();
  const cases = [...explorerExamples(), ...traversals];

  if (sections.has('ops')) {
    console.log(
      '\n| operation | end-to-end ms | store ms, replayed in sequence | store ms, replayed at once | round trips | ratio to sequence | ratio to at once |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [name, query, variables] of cases) {
      try {
        await runCase(apollo as unknown as ApolloServer<never>, executor, store, query, variables); // warm
      } catch (e) {
        console.log(`| ${name} | error: ${(e as Error).message.slice(0, 160).replace(/\|/g, '/')} | | | | | |`);
        continue;
      }
      const e2e: number[] = [];
      const raw: number[] = [];
      const atOnce: number[] = [];
      let trips = 0;
      for (let i = 0; i < runs; i++) {
        const r = await runCase(apollo as unknown as ApolloServer<never>, executor, store, query, variables);
        e2e.push(r.ms);
        trips = r.roundTrips;
        // Alternate which replay goes first: the second one finds the store's caches warmer.
        if (i % 2) atOnce.push(await replayAtOnce(store, r.calls));
        raw.push(await replay(store, r.calls));
        if (!(i % 2)) atOnce.push(await replayAtOnce(store, r.calls));
      }
      const m = median(e2e),
        s = median(raw),
        p = median(atOnce);
      const ratio = (x: number) => (x > 0 ? (m / x).toFixed(2) : '-');
      console.log(`| ${name} | ${f1(m)} | ${f1(s)} | ${f1(p)} | ${trips} | ${ratio(s)} | ${ratio(p)} |`);
    }
  }

  if (sections.has('costs')) {
    const { buildAppSchema } = await import('../src/buildAppSchema.js');
    const schema = await buildAppSchema();
    const declared = (field: string) => {
      const [type, name] = field.split(' ')[0]!.split('.') as [string, string];
      const c = (schema.getType(type) as GraphQLObjectType).getFields()[name]!.extensions.complexity as
        FieldCost | undefined;
      const own = c?.perPoint && field.includes('(ERA)') ? c.perPoint({ step: 'ERA' }) : c?.own;
      return c ? `${own} (${c.kind})` : '-';
    };
    const timed = async (query: string) => {
      const ctx = createContext(executor, limits);
      const t = performance.now();
      const res = await apollo.executeOperation({ query }, { contextValue: ctx as never });
      const ms = performance.now() - t;
      if (res.body.kind !== 'single' || res.body.singleResult.errors)
        throw new Error(JSON.stringify(res.body.kind === 'single' ? res.body.singleResult.errors : 'incremental'));
      return { ms, data: res.body.singleResult.data as Record<string, unknown> };
    };
    console.log(
      `\ncosts: declared weight beside the measured one (units of 0.1 ms; ${runs} interleaved runs, medians)\n`,
    );
    console.log('| field | declared (kind) | measured units | ms with | ms without | times resolved |');
    console.log('|---|---:|---:|---:|---:|---:|');
    // Every page, and every relation of the paged types, probed the same way: 50 parents with and without it.
    const { getNamedType, isLeafType } = await import('graphql');
    const relationProbes: Probe[] = [];
    for (const root of Object.values(schema.getQueryType()!.getFields())) {
      if ((root.extensions.complexity as { kind?: string } | undefined)?.kind !== 'page') continue;
      const connection = getNamedType(root.type) as GraphQLObjectType;
      const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      const node = getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
      relationProbes.push([
        `Query.${root.name}`,
        `{ ${root.name}(first: 1) { totalCount } }`,
        '{ __typename }',
        () => 1,
      ]);
      const without = `{ ${root.name}(first: 50) { edges { node { __typename } } } }`;
      for (const f of Object.values(node.getFields())) {
        const kind = (f.extensions.complexity as { kind?: string } | undefined)?.kind;
        if ((kind !== 'read' && kind !== 'reads') || f.args.some((a) => a.type.toString().endsWith('!'))) continue;
        const selection = isLeafType(getNamedType(f.type)) ? '' : ' { __typename }';
        relationProbes.push([
          `${node.name}.${f.name}`,
          `{ ${root.name}(first: 50) { edges { node { ${f.name}${selection} } } } }`,
          without,
          count([root.name, 'edges']),
        ]);
      }
    }
    for (const [field, withField, without, times] of [...probes, ...relationProbes]) {
      try {
        await timed(withField); // warm: the model fit, the JIT
        await timed(without);
        const a: number[] = [];
        const b: number[] = [];
        let n = 1;
        for (let i = 0; i < runs; i++) {
          const r = await timed(withField);
          n = times(r.data);
          a.push(r.ms);
          b.push((await timed(without)).ms);
        }
        const units = (10 * Math.max(0, median(a) - median(b))) / Math.max(1, n);
        console.log(
          `| ${field} | ${declared(field)} | ${units.toFixed(1)} | ${f1(median(a))} | ${f1(median(b))} | ${n} |`,
        );
      } catch (e) {
        console.log(
          `| ${field} | ${declared(field)} | error: ${(e as Error).message.slice(0, 160).replace(/\|/g, '/')} | | | |`,
        );
      }
    }
  }

  await apollo.stop();
  await executor.store.close();
}

if (sections.has('rps')) {
  // The server as `npm start` runs it (`node dist/src/cli.js serve`: NODE_ENV=production, its request
  // log on), two of them (read cache on, off) on copies of one DATA_DIR; the baselines, bare Apollo
  // on express 5 as the project serves and on Apollo's standalone server; each in its own process, the
  // load from autocannon in another; every target once per round, rounds interleaved.
  const { mkdtempSync, cpSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const h = await import('./harness/external.js');
  h.buildIfStale();
  const levels = opt('--concurrency', '32').split(',').map(Number);
  const rounds = Number(opt('--rounds', '5'));
  const dir = mkdtempSync(join(tmpdir(), 'alliance-bench-'));
  const appEnv = (dataDir: string, cache: boolean): NodeJS.ProcessEnv => ({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    READ_CACHE: String(cache),
    ...(data ? {} : { DATA_SETS: 'none' }),
    // Every request answered (none refused with 429) for the figures to compare: as many expensive
    // requests at once as there are clients. The model fit a production start runs in the background is off.
    MAX_CONCURRENT_EXPENSIVE: String(Math.max(...levels)),
    PREFIT: '0',
  });
  const servers: import('./harness/external.js').ServerProcess[] = [];
  try {
    console.log('\nrps: importing the record into a fresh DATA_DIR (npm start on an empty one) ...');
    const first = await h.startApp('import', appEnv(join(dir, 'on'), true));
    await first.stop();
    cpSync(join(dir, 'on'), join(dir, 'off'), { recursive: true });
    const bare = await h.startScript('bare Apollo (express 5)', 'bareApollo.ts');
    servers.push(bare);
    servers.push(await h.startScript('bare Apollo (standalone)', 'bareApollo.ts', {}, ['--standalone']));
    const on = await h.startApp('app, read cache on', appEnv(join(dir, 'on'), true));
    servers.push(on);
    const off = await h.startApp('app, read cache off', appEnv(join(dir, 'off'), false));
    servers.push(off);
    const ops = [...explorerExamples(), ...traversals].filter(([n]) =>
      /NegotiationDetail|FailedNegotiations|Eras$|AlternativeAllies|NetworkIn1914/.test(n),
    );
    const targets: { name: string; url: string; body: string }[] = [
      { name: bare.name + ' { hello }', url: bare.url, body: JSON.stringify({ query: '{ hello }' }) },
      { name: servers[1]!.name + ' { hello }', url: servers[1]!.url, body: JSON.stringify({ query: '{ hello }' }) },
      ...ops.flatMap(([name, query, variables]) =>
        [on, off].map((s) => ({
          name: `${name} (${s.name.slice(5)})`,
          url: s.url,
          body: JSON.stringify({ query, variables }),
        })),
      ),
    ];
    for (const t of targets) await h.graphql(t.url, t.body); // each answers, without errors
    for (const t of targets) await h.autocannon(t.url, t.body, 8, 1); // warm: JIT, plan caches
    const loadBefore = h.loadAverage();
    const results = new Map<string, import('./harness/external.js').LoadResult[]>();
    for (let r = 0; r < rounds; r++) {
      for (const c of levels) {
        // Alternate the order round by round, so that no target always follows the same one.
        for (const t of r % 2 ? [...targets].reverse() : targets) {
          const k = `${t.name}|${c}`;
          results.set(k, [...(results.get(k) ?? []), await h.autocannon(t.url, t.body, c, seconds)]);
        }
      }
      console.log(`round ${r + 1}/${rounds}; load average ${h.loadAverage()}`);
    }
    console.log(
      `\nreq/s from autocannon in its own process, ${seconds} s per target and round, ${rounds} interleaved rounds: medians (min–max); ` +
        `servers in production mode; node ${process.version}; load average before ${loadBefore}, after ${h.loadAverage()}\n`,
    );
    console.log('| target | c | req/s | p50 ms | p99 ms | errors | × bare Apollo (express 5) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const c of levels) {
      const base = results.get(`${targets[0]!.name}|${c}`)!;
      for (const t of targets) {
        const xs = results.get(`${t.name}|${c}`)!;
        const ratio = xs.map((x, i) => x.rps / base[i]!.rps);
        console.log(
          `| ${t.name} | ${c} | ${h.spread(
            xs.map((x) => x.rps),
            0,
          )} | ${h.spread(xs.map((x) => x.p50))} | ${h.spread(
            xs.map((x) => x.p99),
          )} | ${xs.reduce((n, x) => n + x.errors, 0)} | ${h.spread(ratio, 2)} |`,
        );
      }
    }
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (sections.has('dyad-year') || sections.has('gexf')) {
  const { writeDyadYearCsv } = await import('../src/export/dyadYear.export.js');
  const { runExport } = await import('../src/export/index.js');
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const { Writable } = await import('node:stream');
  const { spawnSync } = await import('node:child_process');
  const fromYear = Number(opt('--from', '1816'));
  const toYear = Number(opt('--to', '1949'));
  const directed = args.includes('--directed');
  const gexfFrom = opt('--gexf-from', '1815');
  const gexfTo = opt('--gexf-to', '2018');
  const python = opt('--python', '');
  const fullGc = args.includes('--live-heap') ? (globalThis as { gc?: () => void }).gc : undefined;
  if (args.includes('--live-heap') && !fullGc)
    throw new Error('--live-heap needs node --expose-gc (node --expose-gc --import tsx scripts/bench.ts ...)');
  const t0 = performance.now();
  const { executor } = await openGraph(data);
  console.log(`\nexports: graph ready in ${Math.round(performance.now() - t0)} ms`);
  const exportOnce = async (run: (sink: InstanceType<typeof Writable>) => Promise<void>) => {
    let bytes = 0;
    let rows = -1;
    // --live-heap (node --expose-gc): a full GC every 1/20 of the output so far (256 KiB at least) and
    // every second, and the heap in use after it: what the export holds, without the garbage not yet
    // collected (the timings of such runs are not the export's).
    let live = 0;
    let nextGc = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        for (const c of chunk) if (c === 10) rows += 1;
        if (fullGc && bytes >= nextGc) {
          fullGc();
          live = Math.max(live, process.memoryUsage().heapUsed);
          nextGc = bytes + Math.max(256 * 1024, bytes / 20);
        }
        done();
      },
    });
    if (fullGc) {
      fullGc();
      fullGc();
    }
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const rss0 = process.memoryUsage().rss;
    const heap0 = process.memoryUsage().heapUsed;
    let rssMax = rss0;
    let heapMax = heap0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rssMax = Math.max(rssMax, m.rss);
      heapMax = Math.max(heapMax, m.heapUsed);
    }, 5);
    // --live-heap: also every second, while the graph or the indices are built (nothing is written yet).
    const liveSampler = fullGc
      ? setInterval(() => {
          fullGc();
          live = Math.max(live, process.memoryUsage().heapUsed);
        }, 1000)
      : undefined;
    delay.enable();
    const t = performance.now();
    await run(sink);
    const ms = performance.now() - t;
    delay.disable();
    clearInterval(sampler);
    clearInterval(liveSampler);
    return {
      ms,
      stall: delay.max / 1e6,
      rss: (rssMax - rss0) / 2 ** 20,
      heap: (heapMax - heap0) / 2 ** 20,
      live: fullGc ? (live - heap0) / 2 ** 20 : NaN,
      rows,
      bytes,
    };
  };
  const pythonOnce = () => {
    const t = performance.now();
    const out = join(projectRoot, 'test-results', 'dyad-year-python.csv');
    const range = ['--from', String(fromYear), '--to', String(toYear), ...(directed ? ['--directed'] : [])];
    const r = spawnSync('python3', [python, out, '--data', data ?? dataArg, ...range], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python: ${r.stderr.slice(0, 400)}`);
    return performance.now() - t;
  };
  // The same monitor over an idle second: the stalls the machine's load alone causes (other processes
  // holding the cores), to read the export's against.
  const idleOnce = async () => {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    await new Promise((done) => setTimeout(done, 1000));
    delay.disable();
    return delay.max / 1e6;
  };
  const cases: { name: string; run: (sink: InstanceType<typeof Writable>) => Promise<void>; python: boolean }[] = [];
  // --ranges Y,Y,...: each export from its first year to each of these (memory against the range's length).
  const ranges = opt('--ranges', '').split(',').filter(Boolean).map(Number);
  if (sections.has('dyad-year'))
    for (const to of ranges.length ? ranges : [toYear])
      cases.push({
        name: `dyad-year ${fromYear}-${to}${directed ? ' (directed)' : ''}`,
        run: (sink) => writeDyadYearCsv(executor, fromYear, to, sink, { directed }),
        python: python !== '' && !ranges.length,
      });
  if (sections.has('gexf'))
    for (const to of ranges.length ? ranges.map(String) : [gexfTo])
      cases.push({
        name: `gexf ${gexfFrom}-${to} (dynamic, negotiations)`,
        run: (sink) =>
          runExport(
            executor,
            {
              format: 'gexf',
              kind: 'range',
              from: `${gexfFrom}-01-01`,
              to: `${to}-12-31`,
              negotiations: true,
              directed: false,
            },
            sink,
          ),
        python: false,
      });
  for (const c of cases) {
    await exportOnce(c.run); // warm
    const node: Awaited<ReturnType<typeof exportOnce>>[] = [];
    const py: number[] = [];
    const idle: number[] = [];
    for (let i = 0; i < runs; i++) {
      idle.push(await idleOnce());
      node.push(await exportOnce(c.run));
      if (c.python) py.push(pythonOnce());
    }
    const last = node[node.length - 1]!;
    console.log(`\n${c.name}`);
    console.log(
      "\n| run | export ms | max loop stall ms | idle second's max stall ms | RSS growth MiB | heap growth MiB | live heap growth MiB | python ms |",
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    node.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${f1(r.ms)} | ${f1(r.stall)} | ${f1(idle[i]!)} | ${f1(r.rss)} | ${f1(r.heap)} | ${Number.isNaN(r.live) ? '-' : f1(r.live)} | ${py[i] !== undefined ? f1(py[i]!) : '-'} |`,
      ),
    );
    const m = median(node.map((r) => r.ms));
    console.log(
      `\nload average ${(await import('node:os'))
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(
          ' ',
        )}; median ${f1(m)} ms for ${last.rows} rows (${(last.bytes / 2 ** 20).toFixed(1)} MiB); max loop stall ${f1(Math.max(...node.map((r) => r.stall)))} ms (median ${f1(median(node.map((r) => r.stall)))}); ` +
        `RSS growth median ${f1(median(node.map((r) => r.rss)))} MiB${fullGc ? `, live heap growth median ${f1(median(node.map((r) => r.live)))} MiB` : ''}; process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    );
    if (py.length)
      console.log(
        `python reference median ${f1(median(py))} ms; ratio export / python ${(m / median(py)).toFixed(2)} (median of the runs' ratios ${median(node.map((r, i) => r.ms / py[i]!)).toFixed(2)})`,
      );
  }
  await executor.store.close();
}

if (sections.has('export-http')) {
  // The exports as users get them: the server as `npm start` runs it in its own process (published
  // data sets imported into a fresh DATA_DIR by a first start, then a fresh process that only
  // serves), the export fetched by curl in another, /healthz asked every ~10 ms from a third. With
  // --baseline DIR (another checkout, e.g. `git worktree add --detach DIR main`, with node_modules),
  // its server too, every case run on both in turn: the ratios of the same round.
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const h = await import('./harness/external.js');
  const x = await import('./harness/exportOverHttp.js');
  const traceGc = args.includes('--trace-gc');
  const formats = opt('--http-formats', 'dyad-year,gexf').split(',');
  const fromYear = Number(opt('--from', '1816'));
  const toYear = Number(opt('--to', '1949'));
  const directed = args.includes('--directed');
  const gexfFrom = Number(opt('--gexf-from', '1815'));
  const gexfTo = Number(opt('--gexf-to', '2018'));
  // --ranges 1849,1899,1949,2018: each format from its first year to each of these (memory against the range's length).
  const ranges = opt('--ranges', '').split(',').filter(Boolean).map(Number);
  const cases: { name: string; path: string }[] = [];
  for (const f of formats) {
    const [from, tos] =
      f === 'gexf' ? [gexfFrom, ranges.length ? ranges : [gexfTo]] : [fromYear, ranges.length ? ranges : [toYear]];
    for (const to of tos)
      cases.push(
        f === 'gexf'
          ? {
              name: `gexf ${from}-${to} (dynamic, negotiations)`,
              path: `/export/gexf?from=${from}&to=${to}&negotiations=true`,
            }
          : {
              name: `${f} ${from}-${to}${directed ? ' (directed)' : ''}`,
              path: `/export/${f}?from=${from}&to=${to}${directed ? '&directed=true' : ''}`,
            },
      );
  }
  const baseline = opt('--baseline', '');
  const checkouts = [
    { label: 'this checkout', root: projectRoot },
    ...(baseline ? [{ label: `baseline (${baseline})`, root: resolve(baseline) }] : []),
  ];
  const env = (dataDir: string): NodeJS.ProcessEnv => ({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    ...(data ? {} : { DATA_SETS: 'none' }),
    ...(opt('--timeout-ms', '') ? { REQUEST_TIMEOUT_MS: opt('--timeout-ms', '') } : {}),
  });
  interface Target {
    label: string;
    server: import('./harness/external.js').ServerProcess;
    probe: import('./harness/exportOverHttp.js').Probe;
    gc: ReturnType<typeof x.gcPauses>;
    dir: string;
  }
  const targets: Target[] = [];
  const dirs: string[] = [];
  try {
    for (const c of checkouts) {
      h.buildIfStale(c.root);
      const dir = mkdtempSync(join(tmpdir(), 'alliance-export-http-'));
      dirs.push(dir);
      console.log(
        `\nexport-http, ${c.label}: importing the record into a fresh DATA_DIR (npm start on an empty one) ...`,
      );
      await (await h.startApp('import', env(dir), [], c.root)).stop();
      const server = await h.startApp(c.label, env(dir), traceGc ? ['--trace-gc'] : [], c.root);
      const gc = x.gcPauses(server);
      // The agreement model a production start fits in the background: let it finish first.
      let fitted = false;
      server.onLine((line) => {
        if (line.includes('agreement model fitted') || line.includes('model prefit failed')) fitted = true;
      });
      targets.push({ label: c.label, server, gc, dir, probe: undefined as never });
      for (let t = performance.now(); !fitted && performance.now() - t < 120_000;)
        await new Promise((r) => setTimeout(r, 200));
      targets[targets.length - 1]!.probe = await x.startProbe(server.url);
    }
    const url = (t: Target, path: string) => new URL(path, t.server.url).href;
    for (const t of targets)
      for (const c of cases) {
        const warm = await x.curl(url(t, c.path)); // warm: the JIT, the read cache
        if (warm.status !== 200) throw new Error(`${t.label}, ${c.name}: HTTP ${warm.status}`);
      }
    const once = async (t: Target, path: string) => {
      const pid = t.server.child.pid!;
      const idleFrom = performance.timeOrigin + performance.now();
      await new Promise((done) => setTimeout(done, 1000));
      const idle = t.probe.between(idleFrom, performance.timeOrigin + performance.now());
      x.resetPeak(pid);
      const rss0 = x.memoryOf(pid).rss;
      const cpu0 = x.cpuOf(pid);
      const res = await x.curl(url(t, path));
      const { peak } = x.memoryOf(pid);
      const cpu1 = x.cpuOf(pid);
      await new Promise((done) => setTimeout(done, 50)); // the probe's answers in flight
      const pauses = t.gc.between(res.from, res.to);
      const longest = pauses.reduce((m, p) => (p.ms > m.ms ? p : m), { kind: '-', ms: 0 });
      return {
        ...res,
        healthz: t.probe.between(res.from, res.to),
        idle,
        rss0,
        peak,
        cpuMs: cpu1.processMs - cpu0.processMs,
        mainCpuMs: cpu1.mainMs - cpu0.mainMs,
        preempted: cpu1.preempted - cpu0.preempted,
        gcMax: longest.ms,
        gcKind: longest.kind,
        // /healthz answers over 50 ms, and how many of them had a GC pause of the server inside.
        slow: t.probe.samples(res.from, res.to).filter(([, ms]) => ms > 50).length,
        slowInGc: t.probe.samples(res.from, res.to).filter(([sent, ms]) => ms > 50 && t.gc.overlaps(sent, sent + ms))
          .length,
        gcSum: pauses.reduce((s, p) => s + p.ms, 0),
      };
    };
    type Run = Awaited<ReturnType<typeof once>>;
    const results = targets.map(() => cases.map(() => [] as Run[]));
    const loadBefore = h.loadAverage();
    for (let r = 0; r < runs; r++) {
      // Interleaved: every case once per round on every server, the orders reversed every other round.
      const order = cases.map((_, i) => i);
      const servers = targets.map((_, i) => i);
      if (r % 2) {
        order.reverse();
        servers.reverse();
      }
      for (const i of order) for (const k of servers) results[k]![i]!.push(await once(targets[k]!, cases[i]!.path));
      console.log(`round ${r + 1}/${runs}; load average ${h.loadAverage()}`);
    }
    const mib = (b: number) => b / 2 ** 20;
    const max = (xs: number[]) => Math.max(...xs);
    console.log(
      `\nexports over HTTP: the server as \`npm start\` runs it (NODE_ENV=production, its request log on), curl in its own process, ` +
        `/healthz every ~10 ms from a third; ${runs} interleaved runs; node ${process.version}; load average before ${loadBefore}, after ${h.loadAverage()}`,
    );
    for (const [i, c] of cases.entries()) {
      for (const [k, t] of targets.entries()) {
        const rs = results[k]![i]!;
        console.log(`\n${c.name}, ${t.label}: GET ${c.path}\n`);
        console.log(
          `| run | HTTP | MiB | first byte ms | wall ms | /healthz p50 ms | p99 ms | max ms | idle second's max ms | RSS before MiB | peak RSS MiB | growth MiB | server CPU ms (loop thread) | loop preempted |${traceGc ? ' longest GC pause ms | GC ms in all |' : ''}`,
        );
        console.log(
          `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|${traceGc ? '---:|---:|' : ''}`,
        );
        rs.forEach((r, n) =>
          console.log(
            `| ${n + 1} | ${r.status} | ${mib(r.bytes).toFixed(1)} | ${f1(r.firstByteMs)} | ${f1(r.totalMs)} | ${f1(x.percentile(r.healthz, 50))} | ${f1(x.percentile(r.healthz, 99))} | ${f1(max(r.healthz))} | ${f1(max(r.idle))} | ${mib(r.rss0).toFixed(0)} | ${mib(r.peak).toFixed(0)} | ${mib(r.peak - r.rss0).toFixed(1)} | ${r.cpuMs} (${r.mainCpuMs}) | ${r.preempted} |${traceGc ? ` ${f1(r.gcMax)} (${r.gcKind}) | ${f1(r.gcSum)} |` : ''}`,
          ),
        );
        const s = (f: (r: Run) => number, d = 1) => h.spread(rs.map(f), d);
        console.log(
          `\nmedian (min–max): wall ${s((r) => r.totalMs, 0)} ms, first byte ${s((r) => r.firstByteMs, 0)} ms, ${mib(rs[0]!.bytes).toFixed(1)} MiB; ` +
            `/healthz p50 ${s((r) => x.percentile(r.healthz, 50))}, p99 ${s((r) => x.percentile(r.healthz, 99))}, max ${s((r) => max(r.healthz))} ms ` +
            `(idle second's max ${s((r) => max(r.idle))}); server peak RSS ${s((r) => mib(r.peak), 0)} MiB, growth over the export ${s((r) => mib(r.peak - r.rss0))} MiB; ` +
            `server CPU ${s((r) => r.cpuMs, 0)} ms (loop thread ${s((r) => r.mainCpuMs, 0)}), wall / loop-thread CPU ${s((r) => r.totalMs / r.mainCpuMs, 2)}` +
            (traceGc
              ? `; longest GC pause ${s((r) => r.gcMax)} ms, GC in all ${s((r) => r.gcSum, 0)} ms; ` +
                `/healthz answers over 50 ms: ${rs.reduce((n, r) => n + r.slow, 0)} in all, ${rs.reduce((n, r) => n + r.slowInGc, 0)} of them with a GC pause inside`
              : ''),
        );
      }
      if (targets.length === 2) {
        // The same round's runs side by side: the load on the machine is about the same for both.
        const [a, b] = [results[0]![i]!, results[1]![i]!];
        const ratio = (f: (r: Run) => number) =>
          h.spread(
            a.map((r, n) => f(r) / f(b[n]!)),
            2,
          );
        console.log(
          `\n${c.name}, ${targets[0]!.label} / ${targets[1]!.label}, per round, median (min–max): wall ${ratio((r) => r.totalMs)}, ` +
            `server CPU ${ratio((r) => r.cpuMs)}, /healthz p99 ${ratio((r) => x.percentile(r.healthz, 99))}, max ${ratio((r) => max(r.healthz))}; ` +
            `peak RSS growth ${h.spread(
              a.map((r) => mib(r.peak - r.rss0)),
              1,
            )} against ${h.spread(
              b.map((r) => mib(r.peak - r.rss0)),
              1,
            )} MiB`,
        );
      }
    }
  } finally {
    for (const t of targets) {
      await t.probe?.stop();
      await t.server.stop();
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

if (sections.has('series')) {
  const { OPTIONS_QUERIES } = await import('../src/web/options/queries.js');
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const t0 = performance.now();
  const { executor, store } = await openGraph(data);
  const { apollo } = await createApollo({ executor, limits });
  await apollo.start();
  console.log(`\nseries: graph ready in ${Math.round(performance.now() - t0)} ms`);
  const light =
    'query ($state: Int!, $from: Int, $to: Int, $step: SeriesStep!) { outsideOptionsSeries(state: $state, from: $from, to: $to, step: $step) { year at options { overall complete notCovered alternativeAllies { attractiveness } unilateral { attractiveness } buckPassing { attractiveness } } } }';
  const cases: [string, string, Record<string, unknown>][] = [
    [
      "Britain 1815–2018, a year a point (the page's query, default range)",
      OPTIONS_QUERIES.series,
      { state: 200, step: 'YEAR' },
    ],
    ['Britain 1815–2018, a year a point (light selection)', light, { state: 200, from: 1815, to: 2018, step: 'YEAR' }],
    ['Britain 1815–1949, a year a point (light selection)', light, { state: 200, from: 1815, to: 1949, step: 'YEAR' }],
    ['United States 1945–2018 (light selection)', light, { state: 2, from: 1945, to: 2018, step: 'YEAR' }],
    ['Britain by era, 1815–2018 (11 eras)', light, { state: 200, step: 'ERA' }],
  ];
  const results = cases.map(() => [] as { ms: number; roundTrips: number; points: number; stall: number }[]);
  for (let i = 0; i < runs; i++)
    for (const [k, [, query, variables]] of cases.entries()) {
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      const r = await runCase(apollo as never, executor, store, query, variables);
      delay.disable();
      results[k]!.push({
        ms: r.ms,
        roundTrips: r.roundTrips,
        points: -1,
        stall: delay.max / 1e6,
      });
    }
  // The points of each case, once more outside the timing.
  for (const [k, [, query, variables]] of cases.entries()) {
    const res = await apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(executor, limits) as never },
    );
    const body =
      res.body.kind === 'single' ? (res.body.singleResult.data as { outsideOptionsSeries: unknown[] }) : null;
    for (const r of results[k]!) r.points = body?.outsideOptionsSeries.length ?? -1;
  }
  console.log('\n| series | points | median ms | min ms | ms a point | round trips | max loop stall ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [k, [name]] of cases.entries()) {
    const rs = results[k]!;
    const m = median(rs.map((r) => r.ms));
    console.log(
      `| ${name} | ${rs[0]!.points} | ${f1(m)} | ${f1(Math.min(...rs.map((r) => r.ms)))} | ${f1(m / Math.max(1, rs[0]!.points))} | ${[...new Set(rs.map((r) => r.roundTrips))].join('/')} | ${f1(Math.max(...rs.map((r) => r.stall)))} |`,
    );
  }
  console.log(
    `\nload average ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ${runs} interleaved runs`,
  );
  await apollo.stop();
  await executor.store.close();
}

if (sections.has('growth')) {
  const { applyIndexes, buildRecord, writeSyntheticGraph } = await import('./syntheticGraph.js');
  const { growthOperations } = await import('./growthOperations.js');
  const { Writable } = await import('node:stream');
  const { createHash } = await import('node:crypto');
  const { loadavg } = await import('node:os');
  const { existsSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const storeKind = opt('--store', 'embedded');
  const stateSpans = Number(opt('--state-spans', '1'));
  const saveFile = opt('--save', '');
  const growthRuns = Math.max(3, Math.min(runs, 5));
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');

  /** What one factor measured: kept in --save FILE, so that factors measured by separate runs print as one table. */
  interface FactorResult {
    build: { nodes: number; relationships: number; ms: number; rss: number; load: string };
    ops: Record<string, { kind: string; ms: number[]; answer: string }>;
    /** Per operation, per Cypher file: its calls replayed (median ms), their rows, their PROFILE rows (embedded). */
    files: Record<string, Record<string, { ms: number; rows: number; work: number | null }>>;
    load: string;
  }
  interface Saved {
    store: string;
    stateSpans: number;
    record: string;
    factors: Record<string, FactorResult>;
  }
  const recordData = args.includes('--data') ? data : join(projectRoot, 'seed', 'published');
  const loadBefore = load();
  const record = await buildRecord(recordData);
  const recordText = `the record (seed${recordData ? ` and ${recordData}` : ''}: ${record.nodes.length} nodes, ${record.relationships.length} relationships)`;
  const saved: Saved =
    saveFile && existsSync(saveFile)
      ? (JSON.parse(readFileSync(saveFile, 'utf8')) as Saved)
      : { store: storeKind, stateSpans, record: recordText, factors: {} };
  if (saved.store !== storeKind || saved.stateSpans !== stateSpans)
    throw new Error(
      `${saveFile} holds a run on ${saved.store} with --state-spans ${saved.stateSpans}: use another file`,
    );
  console.log(
    `\ngrowth: ${recordText}, built the ordinary way in ${record.ms} ms, copied x${factors.join(', x')} ` +
      `(scripts/syntheticGraph.ts${stateSpans > 1 ? `, --state-spans ${stateSpans}` : ''}), ${storeKind} store, ` +
      `${growthRuns} interleaved runs, medians; load average before ${loadBefore}\n`,
  );
  const operations = await growthOperations();

  /** A store of the growth run: in memory (embedded), or the scratch Neo4j emptied. */
  const openGrowthStore = async (): Promise<GraphStore> => {
    if (storeKind === 'embedded') {
      const s = GrafeoStore.open();
      await applyIndexes(s);
      return s;
    }
    const { Neo4jStore } = await import('../src/store/Neo4jStore.js');
    const s = await Neo4jStore.connect({
      uri: process.env.NEO4J_URI ?? 'bolt://localhost:7687',
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      transactionTimeoutMs: 600_000,
    });
    for (;;) {
      const [r] = await s.write(
        'MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n',
        {},
        'growth-clear',
      );
      if (!Number(r?.n)) break;
    }
    await applySchema(s);
    return s;
  };

  interface Call {
    text: string;
    params: Params;
    tag: string;
  }

  /** One run of an operation: its answer (a digest: the data, or an export's rows and bytes), its time, its reads. */
  const runOp = async (
    op: Awaited<ReturnType<typeof growthOperations>>[number],
    executor: QueryExecutor,
    store: RecordingStore,
    apollo: ApolloServer<never>,
  ) => {
    store.recording = [];
    const t = performance.now();
    let answer: string;
    if (op.kind === 'export') {
      let bytes = 0;
      let lines = 0;
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          for (const c of chunk) if (c === 10) lines += 1;
          done();
        },
      });
      await op.run(executor, sink);
      answer = `${lines} lines, ${bytes} bytes`;
    } else {
      const res = await apollo.executeOperation(
        { query: op.query, variables: op.variables },
        { contextValue: createContext(executor, limits) as never },
      );
      if (res.body.kind !== 'single' || res.body.singleResult.errors)
        throw new Error(JSON.stringify(res.body.kind === 'single' ? res.body.singleResult.errors : 'incremental'));
      const text = JSON.stringify(res.body.singleResult.data);
      answer = `${text.length} chars ${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
    }
    const ms = performance.now() - t;
    const calls: Call[] = store.recording;
    store.recording = null;
    return { ms, answer, calls };
  };

  for (const factor of factors) {
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const inner = await openGrowthStore();
    const built = await writeSyntheticGraph(inner, record, factor, { stateSpans });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const result: FactorResult = {
      build: { ...built, rss: peak / 2 ** 20, load: load() },
      ops: {},
      files: {},
      load: '',
    };
    console.log(
      `x${factor}: ${built.nodes} nodes, ${built.relationships} relationships, bulk-written in ${built.ms} ms, ` +
        `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (process max ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB); load average ${load()}`,
    );
    const store = new RecordingStore(inner);
    const executor = new QueryExecutor(store, registry);
    const { apollo } = await createApollo({ executor, limits });
    await apollo.start();
    const calls = new Map<string, Call[]>();
    for (const op of operations) {
      try {
        const r = await runOp(op, executor, store, apollo as unknown as ApolloServer<never>); // warm
        result.ops[op.name] = { kind: op.kind, ms: [], answer: r.answer };
        calls.set(op.name, r.calls);
      } catch (e) {
        console.log(`  ${op.name}: error ${(e as Error).message.slice(0, 200)}`);
      }
    }
    for (let i = 0; i < growthRuns; i++)
      for (const op of i % 2 ? [...operations].reverse() : operations) {
        const m = result.ops[op.name];
        if (!m) continue;
        const r = await runOp(op, executor, store, apollo as unknown as ApolloServer<never>);
        m.ms.push(r.ms);
        calls.set(op.name, r.calls);
      }
    // Each operation's reads replayed per Cypher file (the sum of its calls of that file), and the
    // rows the operators of their PROFILE handled (Grafeo: `rows=N` per operator).
    for (const [name, opCalls] of calls) {
      const byTag = new Map<string, Call[]>();
      for (const c of opCalls) byTag.set(c.tag, [...(byTag.get(c.tag) ?? []), c]);
      const out: FactorResult['files'][string] = {};
      for (const [tag, tagCalls] of byTag) {
        const times: number[] = [];
        let rows = 0;
        for (let i = 0; i < growthRuns; i++) {
          const t = performance.now();
          rows = 0;
          for (const c of tagCalls) rows += (await inner.read(c.text, c.params, c.tag)).length;
          times.push(performance.now() - t);
        }
        let work: number | null = null;
        if (storeKind === 'embedded') {
          work = 0;
          for (const c of tagCalls) {
            const [row] = await inner.read(`PROFILE ${c.text}`, c.params, c.tag);
            for (const x of String(row?.profile ?? '').matchAll(/rows=(\d+)/g)) work += Number(x[1]);
          }
        }
        out[tag] = { ms: median(times), rows, work };
      }
      result.files[name] = out;
    }
    await apollo.stop();
    await inner.close();
    result.load = load();
    saved.factors[String(factor)] = result;
    if (saveFile) {
      mkdirSync(dirname(resolve(saveFile)), { recursive: true });
      writeFileSync(saveFile, JSON.stringify(saved));
    }
    console.log(`x${factor}: measured; load average ${result.load}${saveFile ? `; saved in ${saveFile}` : ''}`);
  }

  // The tables, over every factor measured (this run's, and those --save FILE held before).
  const all = Object.keys(saved.factors)
    .map(Number)
    .sort((a, b) => a - b);
  const at = (f: number) => saved.factors[String(f)]!;
  /**
   * The least-squares slope of log y on log factor, y floored at `floor` (times: a millisecond of noise
   * on a read of 0.2 ms is no growth).
   */
  const slope = (ys: (number | null | undefined)[], floor = 0) => {
    const pts = all.flatMap((f, i) =>
      ys[i] != null && Math.max(ys[i]!, floor) > 0 ? [[Math.log(f), Math.log(Math.max(ys[i]!, floor))]] : [],
    );
    if (pts.length < 2) return NaN;
    const mx = pts.reduce((a, p) => a + p[0]!, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p[1]!, 0) / pts.length;
    const sxx = pts.reduce((a, p) => a + (p[0]! - mx) ** 2, 0);
    return pts.reduce((a, p) => a + (p[0]! - mx) * (p[1]! - my), 0) / sxx;
  };
  const flag = (e: number) => (Number.isFinite(e) && e >= 0.3 ? ' **≥ 0.3**' : '');
  /** Floors of the time exponents: an operation's own cost through Apollo, a read's round trip. */
  const OP_FLOOR_MS = 2;
  const FILE_FLOOR_MS = 1;

  console.log(`\n${saved.record}, ${saved.store} store; load average after ${load()}\n`);
  console.log('| factor | nodes | relationships | bulk write s | peak RSS MiB | load average (1, 5, 15 min) |');
  console.log('|---:|---:|---:|---:|---:|---|');
  for (const f of all) {
    const b = at(f).build;
    console.log(
      `| x${f} | ${b.nodes} | ${b.relationships} | ${(b.ms / 1000).toFixed(1)} | ${b.rss.toFixed(0)} | ${b.load}, ${at(f).load} |`,
    );
  }

  console.log(`\n| operation | kind | ${all.map((f) => `x${f} ms`).join(' | ')} | exponent | same answer |`);
  console.log(`|---|---|${all.map(() => '---:|').join('')}---:|---|`);
  for (const op of operations) {
    const ms = all.map((f) => {
      const m = at(f).ops[op.name];
      return m?.ms.length ? median(m.ms) : undefined;
    });
    const answers = new Set(all.map((f) => at(f).ops[op.name]?.answer ?? 'error'));
    const e = slope(ms, OP_FLOOR_MS);
    console.log(
      `| ${op.name} | ${op.kind} | ${ms.map((x) => (x === undefined ? '-' : f1(x))).join(' | ')} | ${e.toFixed(2)}${flag(e)} | ${answers.size === 1 ? 'yes' : 'no (' + [...answers].join(' / ') + ')'} |`,
    );
  }

  // Per Cypher file: the operation in which it grows most.
  const tags = new Set<string>();
  for (const f of all) for (const m of Object.values(at(f).files)) for (const t of Object.keys(m)) tags.add(t);
  console.log(
    `\n| Cypher file | operations | worst (operation) | ${all.map((f) => `x${f} ms (rows)`).join(' | ')} | time exponent | PROFILE rows ${all.map((f) => `x${f}`).join(' / ')} | rows exponent |`,
  );
  console.log(`|---|---:|---|${all.map(() => '---:|').join('')}---:|---:|---:|`);
  for (const tag of [...tags].sort()) {
    type X = { ms: number; rows: number; work: number | null } | undefined;
    let worst: { op: string; e: number; we: number; xs: X[] } | null = null;
    let count = 0;
    for (const op of operations) {
      const xs: X[] = all.map((f) => at(f).files[op.name]?.[tag]);
      if (!xs[0]) continue;
      count += 1;
      const e = slope(
        xs.map((x) => x?.ms),
        FILE_FLOOR_MS,
      );
      const we = slope(xs.map((x) => x?.work));
      // The worst by the PROFILE rows where the store gives them (deterministic), else by time.
      const score = (a: number, b: number) => (Number.isFinite(b) ? b : Number.isFinite(a) ? a : -9);
      if (!worst || score(e, we) > score(worst.e, worst.we)) worst = { op: op.name, e, we, xs };
    }
    if (!worst) continue;
    console.log(
      `| ${tag} | ${count} | ${worst.op} | ${worst.xs.map((x) => (x ? `${x.ms.toFixed(2)} (${x.rows})` : '-')).join(' | ')} | ${worst.e.toFixed(2)}${flag(worst.e)} | ${worst.xs.map((x) => (x?.work != null ? x.work : '-')).join(' / ')} | ${Number.isFinite(worst.we) ? worst.we.toFixed(2) + flag(worst.we) : '-'} |`,
    );
  }
}
