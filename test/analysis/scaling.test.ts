/**
 * No traversal's Cypher grows super-linearly with the negotiations: every read a traversal issues on
 * the seed (1x) is replayed on the seed with its negotiations multiplied ten times
 * (scripts/syntheticGraph.ts, 10x), and per query file the ratio 10x / 1x must stay under generous
 * bounds: rows under 10.5 times (a linear query returns at most ten times the rows: every
 * negotiation has ten copies), store time under 30 times (a quadratic plan costs about 100 times;
 * the time bound has a floor, so a millisecond of noise cannot fail it), and the store's own work, the
 * rows summed over the operators of Grafeo's PROFILE (deterministic), under 25 times: a nested-loop
 * join of every negotiation with the matched plans grows about 100 times.
 *
 * Both graphs use the schema's uniqueness constraints as plain indexes (same lookups; writes under
 * constraints are slow at 10x on Grafeo, see graph/schema.cypher), so that building stays quick.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import {
  CypherRegistry,
  GrafeoStore,
  QueryExecutor,
  type GraphStore,
  type Params,
  type Row,
  type StoreTransaction,
} from '../../src/store/index.js';
import { readSchemaStatements } from '../../src/store/applySchema.js';
import { createApollo } from '../../src/server.js';
import { createContext } from '../../src/context.js';
import { writeSyntheticSeed } from '../../scripts/syntheticGraph.js';

const limits = { maxDepth: 12, maxCost: 10_000_000, maxPageSize: 1000 };

const traversals: [string, string][] = [
  ['sharedTargets', '{ sharedTargets(stateA: 2, stateB: 200, at: "1949-01") { target { ccode } strength } }'],
  [
    'alternativeAllies',
    '{ alternativeAllies(state: 200, negotiation: "anglo-german-1898") { state { ccode } score reasons { text } } }',
  ],
  [
    'outsideOptions',
    '{ outsideOptions(negotiation: "british-french-soviet-1939", party: 365) { overall alternativeAllies { allies { state { ccode } } } unilateral { attractiveness } buckPassing { attractiveness } } }',
  ],
  ['portfolioSimilarity', '{ portfolioSimilarity(stateA: 255, stateB: 300, year: 1914) { value } }'],
  ['allianceNetwork', '{ allianceNetwork(at: "1914-06-28") { nodes { ccode } edges { source target obligation } } }'],
  ['alliancePath', '{ alliancePath(from: 740, to: 220, at: "1914-06-28") { states } }'],
  [
    'negotiation parties',
    '{ negotiation(id: "anglo-german-1898") { name parties { ccode } warPlans(kind: IDEAL) { approach } } }',
  ],
];

interface Call {
  text: string;
  params: Params;
  tag: string;
}

class RecordingStore implements GraphStore {
  calls: Call[] | null = null;
  constructor(readonly inner: GraphStore) {}
  get kind() {
    return this.inner.kind;
  }
  async read(text: string, params: Params, tag: string): Promise<Row[]> {
    this.calls?.push({ text, params, tag });
    return this.inner.read(text, params, tag);
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

async function graph(factor: number) {
  const store = new RecordingStore(GrafeoStore.open());
  for (const s of readSchemaStatements()) {
    const m = /^CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \((\w+):(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE$/.exec(s);
    await store.write(
      m ? `CREATE INDEX ${m[1]} IF NOT EXISTS FOR (${m[2]}:${m[3]}) ON (${m[2]}.${m[4]})` : s,
      {},
      'schema',
    );
  }
  // SCALING_CYPHER_DIR: another copy of cypher/ (to check that the test catches an old query body).
  const executor = new QueryExecutor(store, CypherRegistry.load(process.env.SCALING_CYPHER_DIR || undefined));
  await writeSyntheticSeed(executor, factor);
  const { apollo } = await createApollo({ executor, limits });
  await apollo.start();
  return { store, executor, apollo };
}

/** The reads a traversal issues (recorded on the 1x graph). */
async function callsOf(g: Awaited<ReturnType<typeof graph>>, query: string): Promise<Call[]> {
  g.store.calls = [];
  const res = await (g.apollo as unknown as ApolloServer<never>).executeOperation(
    { query },
    { contextValue: createContext(g.executor, limits) as never },
  );
  const calls = g.store.calls;
  g.store.calls = null;
  if (res.body.kind === 'single') expect(res.body.singleResult.errors).toBeUndefined();
  return calls;
}

interface Cost {
  rows: number;
  ms: number;
  work: number;
}

/** Rows counted by the operators of a PROFILE of the statement (Grafeo: `rows=N` per operator). */
async function work(store: GraphStore, c: Call): Promise<number> {
  const [row] = await store.read(`PROFILE ${c.text}`, c.params, c.tag);
  return [...String(row?.profile ?? '').matchAll(/rows=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
}

/** Rows, store work and time of each query file, summed over its calls (time: the least of `repeat` runs). */
async function measure(store: GraphStore, calls: Call[], repeat = 2): Promise<Map<string, Cost>> {
  const out = new Map<string, Cost>();
  for (const tag of new Set(calls.map((c) => c.tag))) {
    const mine = calls.filter((c) => c.tag === tag);
    let rows = 0;
    let best = Infinity;
    for (let r = 0; r < repeat; r++) {
      const t = performance.now();
      let n = 0;
      for (const c of mine) n += (await store.read(c.text, c.params, c.tag)).length;
      best = Math.min(best, performance.now() - t);
      rows = n;
    }
    let w = 0;
    for (const c of mine) w += await work(store, c);
    out.set(tag, { rows, ms: best, work: w });
  }
  return out;
}

describe('traversal Cypher on 10x the negotiations', () => {
  const calls = new Map<string, Call[]>();
  let one: Map<string, Map<string, Cost>>;
  let ten: Map<string, Map<string, Cost>>;

  beforeAll(async () => {
    const g1 = await graph(1);
    for (const [name, query] of traversals) calls.set(name, await callsOf(g1, query));
    one = new Map(
      await Promise.all([...calls].map(async ([name, c]) => [name, await measure(g1.store.inner, c)] as const)),
    );
    await g1.apollo.stop();
    await g1.store.close();
    const g10 = await graph(10);
    ten = new Map();
    for (const [name, c] of calls) ten.set(name, await measure(g10.store.inner, c));
    await g10.apollo.stop();
    await g10.store.close();
  }, 120_000);

  it.each(traversals.map(([name]) => name))('%s: every query file grows at most linearly', (name) => {
    const problems: string[] = [];
    console.log(
      name,
      [...one.get(name)!]
        .map(([tag, a]) => {
          const b = ten.get(name)!.get(tag)!;
          return `${tag} work ${a.work}->${b.work} rows ${a.rows}->${b.rows} ms ${a.ms.toFixed(1)}->${b.ms.toFixed(1)}`;
        })
        .join('; '),
    );
    for (const [tag, a] of one.get(name)!) {
      const b = ten.get(name)!.get(tag)!;
      // Rows: ten copies of everything, and a negotiation's own copies among its concurrent talks.
      if (b.rows > 12 * Math.max(a.rows, 3)) problems.push(`${tag}: rows ${a.rows} -> ${b.rows}`);
      if (b.work > 25 * Math.max(a.work, 20)) problems.push(`${tag}: PROFILE rows ${a.work} -> ${b.work}`);
      if (b.ms > 30 * Math.max(a.ms, 2)) problems.push(`${tag}: ${a.ms.toFixed(2)} ms -> ${b.ms.toFixed(2)} ms`);
    }
    expect(problems).toEqual([]);
  });
});
