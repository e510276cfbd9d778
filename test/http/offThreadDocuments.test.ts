/**
 * Issue 28 §2: documents longer than 16,000 characters are parsed and validated in a worker
 * (src/limits/offThreadDocuments.ts). The same document gets the same answer, byte for byte, from a
 * server that checks it on the main thread (DOCUMENT_WORKERS=0) and from one that checks it in the
 * worker; the worker's check does not hold the event loop; a document still waiting or being checked
 * at its deadline is refused with TIMEOUT, a full queue with 429, and a worker that dies is replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../../src/server.js';
import { createContext, type RequestContext } from '../../src/context.js';
import { requestDeadline } from '../../src/limits/deadline.js';
import type { OffThreadDocuments } from '../../src/limits/offThreadDocuments.js';
import type { Config, ServerPolicy } from '../../src/config.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import type { Logger } from '../../src/logger.js';
import { seededEmbedded } from '../helpers/testStore.js';

/**
 * The limits of `npm run load -- --attack` (raised so that large documents get through); the defaults
 * but MAX_TOKENS just past the 5,000 up to which documents stay on the main thread; the defaults.
 */
const raised: Config['limits'] = { maxDepth: 8, maxCost: 1e9, maxPageSize: 100, maxTokens: 200_000, maxAliases: 5000 };
const modest: Config['limits'] = { maxDepth: 8, maxCost: 25000, maxPageSize: 100, maxTokens: 6000 };
const defaults: Config['limits'] = { maxDepth: 8, maxCost: 25000, maxPageSize: 100 };

interface Pair {
  limits: Config['limits'];
  worker: ApolloServer<RequestContext>;
  documents: OffThreadDocuments;
  main: ApolloServer<RequestContext>;
}

let executor: QueryExecutor;
/** What the servers logged as warnings (a worker that failed). */
const warnings: string[] = [];
const logger = {
  warn: (o: { err?: unknown }, msg: string) => warnings.push(`${msg}: ${String((o.err as Error)?.message ?? o.err)}`),
  info: () => {},
  error: () => {},
  debug: () => {},
} as unknown as Logger;
const started: ApolloServer<RequestContext>[] = [];

async function server(limits: Config['limits'], policy: Partial<ServerPolicy>) {
  const made = await createApollo({ executor, limits, policy, logger });
  await made.apollo.start();
  started.push(made.apollo);
  return made;
}

async function pair(limits: Config['limits'], policy: Partial<ServerPolicy> = {}): Promise<Pair> {
  const worker = await server(limits, policy);
  const main = await server(limits, { ...policy, documentWorkers: 0 });
  expect(main.documents).toBeUndefined();
  return { limits, worker: worker.apollo, documents: worker.documents!, main: main.apollo };
}

/** What a client gets: status, the headers Apollo and the plugins set, the body as sent. */
async function ask(apollo: ApolloServer<RequestContext>, limits: Config['limits'], query: string, timeoutMs = 30_000) {
  const deadline = requestDeadline(timeoutMs);
  try {
    const res = await apollo.executeOperation(
      { query },
      { contextValue: createContext(executor, limits, 'test', deadline) },
    );
    if (res.body.kind !== 'single') throw new Error('incremental response');
    return {
      status: res.http.status ?? 200,
      headers: Object.fromEntries([...res.http.headers].sort()),
      body: JSON.stringify(res.body.singleResult),
    };
  } finally {
    deadline.dispose();
  }
}

const aliases = (n: number, field: string, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}: ${field}`).join(' ');
/** A comment that takes a document past the off-thread threshold without adding a token. */
const padding = `# ${'x'.repeat(16_100)}\n`;
/** `{ a { a { … { b } } } }`, `levels` deep, past the off-thread threshold. */
const nested = (levels: number) => `${padding}{${'a{'.repeat(levels)}b${'}'.repeat(levels + 1)}`;

let raisedPair: Pair;
let modestPair: Pair;
let privatePair: Pair;

beforeAll(async () => {
  executor = await seededEmbedded();
  raisedPair = await pair(raised);
  modestPair = await pair(modest);
  privatePair = await pair(modest, { introspection: false });
  // The workers build their schema first (seconds from the TypeScript sources on a loaded machine).
  for (const p of [raisedPair, modestPair, privatePair]) p.documents.warm();
}, 120_000);

afterAll(async () => {
  for (const a of started) await a.stop();
});

describe('a large document gets the same answer off the main thread as on it', () => {
  const cases: { name: string; pair: () => Pair; query: string; status: number }[] = [
    {
      name: 'valid, 700 aliases',
      pair: () => raisedPair,
      query: `{ ${aliases(700, 'state(ccode: 200) { name }')} }`,
      status: 200,
    },
    {
      name: 'two valid operations and no operationName (graphql-js refuses it at execution)',
      pair: () => raisedPair,
      query: `${padding}query A { state(ccode: 200) { name } } query B { state(ccode: 2) { name } }`,
      status: 400,
    },
    {
      name: 'unknown field with a suggestion, 700 times (100 errors and the "too many" one)',
      pair: () => raisedPair,
      query: `{ ${aliases(700, 'state(ccode: 200) { nam }')} }`,
      status: 400,
    },
    {
      name: 'syntax error at the end',
      pair: () => raisedPair,
      query: `{ ${aliases(700, 'state(ccode: 200) { name }')} `,
      status: 400,
    },
    {
      // 20,000 levels: past the stack of either thread's parser, optimised by V8 or not (4,000 levels
      // got through an optimised parser; see the next describe).
      name: 'nested past the stack (the parser overflows on both threads)',
      pair: () => raisedPair,
      query: nested(20_000),
      status: 400,
    },
    {
      name: 'MAX_TOKENS',
      pair: () => modestPair,
      query: `{ ${aliases(3000, 'state(ccode: 200) { name }')} }`,
      status: 400,
    },
    {
      name: 'MAX_ALIASES (an AppError of our rule)',
      pair: () => modestPair,
      query: `${padding}{ ${aliases(31, '__typename')} }`,
      status: 400,
    },
    {
      name: 'MAX_DEPTH',
      pair: () => modestPair,
      query: `${padding}{ state(ccode: 2) { ${'negotiations { parties { '.repeat(5)}name${' } }'.repeat(5)} } }`,
      status: 400,
    },
    { name: 'a mutation', pair: () => modestPair, query: `${padding}mutation { __typename }`, status: 400 },
    {
      name: 'MAX_COST (costed from the worker)',
      pair: () => modestPair,
      query: `${padding}{ ${aliases(30, 'alternativeAllies(state: 200, at: "1914-01-01", windowYears: 100) { score }')} }`,
      status: 400,
    },
    {
      name: 'introspection off',
      pair: () => privatePair,
      query: `${padding}{ __schema { types { name } } }`,
      status: 400,
    },
    {
      name: 'suggestions hidden with introspection off',
      pair: () => privatePair,
      query: `${padding}{ stat(ccode: 2) { name } }`,
      status: 400,
    },
  ];

  for (const c of cases)
    it(
      c.name,
      async () => {
        const p = c.pair();
        expect(c.query.length).toBeGreaterThan(p.documents.fromChars);
        const before = p.documents.checkedOffThread;
        const onMain = await ask(p.main, p.limits, c.query);
        const offMain = await ask(p.worker, p.limits, c.query);
        expect(warnings).toEqual([]);
        expect(p.documents.checkedOffThread).toBe(before + 1);
        expect(offMain).toEqual(onMain);
        expect(onMain.status).toBe(c.status);
        // Asked again: the verdict comes from the store, not from another check.
        expect(await ask(p.worker, p.limits, c.query)).toEqual(onMain);
        expect(p.documents.checkedOffThread).toBe(before + 1);
      },
      60_000,
    );

  it('a nesting a parser may or may not get through is refused with MAX_DEPTH on either thread, never a 500', async () => {
    // Whether graphql-js's parser gets through 2,000-4,000 levels depends on the stack already used
    // and on whether V8 has optimised it: the answer is then the parser's or the depth rule's, both
    // 400 with MAX_DEPTH. Before the depth rule's walk was bounded, a parsed 4,000 levels overflowed it (500).
    for (const levels of [2000, 3000, 4000, 4500]) {
      const query = nested(levels);
      for (const apollo of [raisedPair.main, raisedPair.worker]) {
        const r = await ask(apollo, raised, query);
        expect(r.status).toBe(400);
        expect(JSON.parse(r.body).errors[0].extensions).toMatchObject({ limit: 'MAX_DEPTH' });
      }
    }
    expect(warnings).toEqual([]);
  }, 60_000);

  it('with MAX_TOKENS at its default (5,000) every document stays on the main thread: no worker', async () => {
    const { documents } = await server(defaults, {});
    expect(documents).toBeUndefined();
  });

  it('a small document stays on the main thread', async () => {
    const before = raisedPair.documents.checkedOffThread;
    const r = await ask(raisedPair.worker, raised, '{ state(ccode: 200) { name } }');
    expect(r.body).toBe('{"data":{"state":{"name":"United Kingdom"}}}');
    expect(raisedPair.documents.checkedOffThread).toBe(before);
  });
});

/** The longest the event loop went without a turn while `work` ran (a 1 ms interval's largest gap). */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('the worker', () => {
  it('parses and validates a large document without holding the event loop', async () => {
    // 3,000 aliases and an unknown field at the end: parsed and validated whole, refused, nothing executed.
    const doc = (k: number) => `{ ${aliases(3000, 'state(ccode: 200) { name }', `r${k}_`)} state(ccode: 2) { nam } }`;
    const p = raisedPair;
    await ask(p.worker, raised, doc(0)); // warm
    const onMain: number[] = [];
    const offMain: number[] = [];
    for (let k = 1; k <= 3; k++) {
      onMain.push(await longestStall(() => ask(p.main, raised, doc(k))));
      const before = p.documents.checkedOffThread;
      offMain.push(await longestStall(() => ask(p.worker, raised, doc(k))));
      expect(p.documents.checkedOffThread).toBe(before + 1);
    }
    // Medians of 3, against the same document on the main thread in the same run (the machine is shared).
    expect(median(offMain), `off ${offMain.map(Math.round)} ms, on ${onMain.map(Math.round)} ms`).toBeLessThan(
      median(onMain) / 3,
    );
  }, 120_000);

  it('a document still being checked at its deadline is refused with TIMEOUT; the worker is replaced', async () => {
    const p = raisedPair;
    const t0 = performance.now();
    const r = await ask(p.worker, raised, `{ ${aliases(20_000, '__typename', 't')} }`, 50);
    const ms = performance.now() - t0;
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'TIMEOUT',
    ]);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(ms).toBeLessThan(2000);
    // The next large document is checked by a new worker.
    const before = p.documents.checkedOffThread;
    const ok = await ask(p.worker, raised, `{ ${aliases(700, 'state(ccode: 200) { name }', 'n')} }`);
    expect(ok.status).toBe(200);
    expect(p.documents.checkedOffThread).toBe(before + 1);
  }, 60_000);

  it('refuses documents past its queue with TOO_MANY_REQUESTS', async () => {
    const p = await pair(raised, { documentWorkers: 1, documentQueue: 1 });
    p.documents.warm();
    await ask(p.worker, raised, `{ ${aliases(1500, '__typename', 'w')} }`); // the worker is up
    const docs = Array.from({ length: 6 }, (_, k) => `{ ${aliases(4000, '__typename', `q${k}_`)} }`);
    const answers = await Promise.all(docs.map((d) => ask(p.worker, raised, d)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 429).length, String(statuses)).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 200).length, String(statuses)).toBeGreaterThan(0);
    const refused = answers.find((a) => a.status === 429)!;
    expect(JSON.parse(refused.body).errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(refused.headers['retry-after']).toBeDefined();
  }, 60_000);

  it('a worker that dies mid-check is replaced; its document is checked on the main thread', async () => {
    const p = await pair(raised);
    p.documents.warm();
    await ask(p.worker, raised, `{ ${aliases(1500, '__typename', 'w')} }`);
    const pool = (p.documents as unknown as { pool: { threads: { terminate(): Promise<number> }[] } }).pool;
    const query = `{ ${aliases(8000, 'state(ccode: 200) { name }', 'k')} }`;
    const answer = ask(p.worker, raised, query);
    await new Promise((r) => setTimeout(r, 20));
    await pool.threads[0]!.terminate();
    const expected = await ask(p.main, raised, query);
    expect(await answer).toEqual(expected);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^document worker failed: worker exited/);
    const before = p.documents.checkedOffThread;
    expect((await ask(p.worker, raised, `{ ${aliases(1500, '__typename', 'z')} }`)).status).toBe(200);
    expect(p.documents.checkedOffThread).toBe(before + 1);
  }, 120_000);
});
