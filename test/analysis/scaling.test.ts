/**
 * Growth of the traversals' Cypher with the graph, checked on the store's own work, not on time: the
 * curated seed and the COW state system (no other data set: quick) is copied eight times along its real dimensions by
 * scripts/syntheticGraph.ts (more state systems, their treaties and negotiations, later years), and
 * every traversal, lookup and example of scripts/growthOperations.ts is asked the same question on
 * x1 and x8. Asked about the record's own states, negotiations and dates, each must give the same
 * answer on both graphs, and per Cypher file the rows its PROFILE's operators handled (Grafeo:
 * `rows=N` per operator, deterministic) must grow with an exponent under 0.3 (log of the ratio over
 * log 8), but for the files of KNOWN_GROWTH, which read the whole graph by design or because Grafeo
 * 0.6 cannot anchor them (see there): those must still grow, so that the list stays true. Times and
 * figures belong to `npm run bench -- --only growth`.
 *
 * Both graphs use the schema's uniqueness constraints as plain indexes (`applyIndexes`).
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { GrafeoStore, QueryExecutor, CypherRegistry, type Params } from '../../src/store/index.js';
import { createApollo } from '../../src/server.js';
import { createContext } from '../../src/context.js';
import { applyIndexes, buildRecord, writeSyntheticGraph, type RecordDump } from '../../scripts/syntheticGraph.js';
import { growthOperations, type GraphqlOperation } from '../../scripts/growthOperations.js';
import { recordRuns } from '../helpers/testStore.js';
import { publishedDir } from '../../src/openExecutor.js';

const FACTOR = 8;
const limits = { maxDepth: 12, maxCost: 10_000_000, maxPageSize: 1000 };

/**
 * Files whose work grows with the graph, and why. Pages count and sort every node of their label
 * (`totalCount`); the others read a slice of time (who is in the system, the alliances in force, the
 * major powers at a date) that Grafeo 0.6 cannot find by index: it seeks on equality and IN lists
 * only, a range on a date (or an integer) scans the label (measured in docs/operators.md, "Growth").
 */
const KNOWN_GROWTH: Record<string, string> = {
  negotiationsPage: 'a page over every negotiation, with its count',
  statesPage: 'a page over every state, with its count',
  treatiesPage: 'a page over every treaty, with its count',
  threatsPage: 'a page over every threat, with its count',
  statesWithSpells:
    "every state's spells (who is in the system at a date is decided in JS; the server's read cache keeps it)",
  allianceTiesDuring: 'every membership entered by the date (a range on MEMBER_OF.entry)',
  majorPowersAt: 'every major-power spell (a range on MAJOR_POWER.start)',
};

interface Call {
  text: string;
  params: Params;
  tag: string;
}

async function graph(record: RecordDump, factor: number) {
  const store = GrafeoStore.open();
  await applyIndexes(store);
  await writeSyntheticGraph(store, record, factor);
  const calls: Call[] = [];
  let recording = false;
  const recorder = {
    kind: store.kind,
    read: (text: string, params: Params, tag: string) => {
      if (recording) calls.push({ text, params, tag });
      return store.read(text, params, tag);
    },
    writesSeen: store.writesSeen,
    write: store.write.bind(store),
    transaction: store.transaction.bind(store),
    health: store.health.bind(store),
    close: store.close.bind(store),
  };
  const executor = new QueryExecutor(recorder, CypherRegistry.load(), undefined, [recordRuns]);
  const { apollo } = await createApollo({ executor, limits });
  await apollo.start();
  /** The operation's answer, and the PROFILE rows of its reads per Cypher file. */
  const run = async (op: GraphqlOperation) => {
    calls.length = 0;
    recording = true;
    const res = await (apollo as unknown as ApolloServer<never>).executeOperation(
      { query: op.query, variables: op.variables },
      { contextValue: createContext(executor, limits) as never },
    );
    recording = false;
    const work = new Map<string, number>();
    for (const c of [...calls]) {
      const [row] = await store.read(`PROFILE ${c.text}`, c.params, c.tag);
      let rows = 0;
      for (const m of String(row?.profile ?? '').matchAll(/rows=(\d+)/g)) rows += Number(m[1]);
      work.set(c.tag, (work.get(c.tag) ?? 0) + rows);
    }
    return { answer: JSON.stringify(res.body), work };
  };
  return { run, close: async () => (await apollo.stop(), await store.close()) };
}

describe(`traversal Cypher on x1 and x${FACTOR} the record (seed only)`, () => {
  let operations: GraphqlOperation[];
  const results = new Map<string, { answer: string; work: Map<string, number> }[]>();

  beforeAll(async () => {
    // Left out: pages (their files are KNOWN_GROWTH), exports (the bench times them), and the series
    // and the examples over many dates (OptionsAcrossEras, ColdWarOptions): the same files as one date's
    // options, many times over.
    operations = (await growthOperations()).filter(
      (o): o is GraphqlOperation =>
        o.kind !== 'export' && o.kind !== 'page' && !/Series|OptionsAcrossEras|ColdWarOptions/.test(o.name),
    );
    // The seed and the COW state system (who is in the system when: without it every state is, copies too).
    const record = await buildRecord(publishedDir, { only: ['cow-states'] });
    for (const factor of [1, FACTOR]) {
      const g = await graph(record, factor);
      for (const op of operations) results.set(op.name, [...(results.get(op.name) ?? []), await g.run(op)]);
      await g.close();
    }
  }, 120_000);

  it('every operation gives the same answer on both graphs (but counts over the whole graph)', () => {
    const differ = operations
      .filter((op) => !op.query.includes('totalCount'))
      .filter((op) => results.get(op.name)![0]!.answer !== results.get(op.name)![1]!.answer)
      .map((op) => op.name);
    expect(differ).toEqual([]);
  });

  it('per Cypher file, the work grows with an exponent under 0.3 (KNOWN_GROWTH apart, which must grow)', () => {
    const exponents = new Map<string, { e: number; op: string; a: number; b: number }>();
    for (const op of operations) {
      const [one, many] = results.get(op.name)!;
      for (const [tag, a] of one!.work) {
        const b = many!.work.get(tag) ?? 0;
        const e = Math.log(Math.max(b, 1) / Math.max(a, 1)) / Math.log(FACTOR);
        if (!exponents.has(tag) || e > exponents.get(tag)!.e) exponents.set(tag, { e, op: op.name, a, b });
      }
    }
    const grows = [...exponents]
      .filter(([, x]) => x.e >= 0.3)
      .map(([tag, x]) => `${tag}: ${x.a} -> ${x.b} rows (exponent ${x.e.toFixed(2)}, ${x.op})`);
    const unexpected = grows.filter((g) => !(g.split(':')[0]! in KNOWN_GROWTH));
    expect(unexpected).toEqual([]);
    const stale = Object.keys(KNOWN_GROWTH).filter((tag) => exponents.has(tag) && exponents.get(tag)!.e < 0.3);
    expect(stale, 'flat now: take them out of KNOWN_GROWTH').toEqual([]);
  });
});
