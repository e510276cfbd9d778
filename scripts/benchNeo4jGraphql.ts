/**
 * npm run bench:neo4j-graphql [-- options]    (npx tsx scripts/benchNeo4jGraphql.ts)
 *
 *   --rounds N        interleaved rounds (default 5)
 *   --seconds S       seconds of load per measurement (default 5)
 *   --concurrency L   comma-separated connection counts (default 8,32)
 *   --cache on|off    the project's read cache (default off: a scholar's queries are mostly first-time ones)
 *   --only a,b        operations by name (default all four)
 *
 * This project against what a Neo4j user would pick instead: @neo4j/graphql 7 generating an API over
 * the same database (scripts/harness/neo4jGraphqlServer.ts), on four equivalent operations: one
 * negotiation with its parties, rounds and proposals; 50 negotiations with their parties and treaty;
 * the failed negotiations with their parties; the treaties in force on a date with their members
 * then. Both servers run in their own process on the same Neo4j, in production mode, on Apollo
 * Server 5 and express 5; the project as `npm start` runs it (`node dist/src/cli.js serve`,
 * STORE=neo4j, its request log on; MAX_CONCURRENT_EXPENSIVE raised to the highest concurrency, so
 * that the two operations it estimates as expensive are answered, not refused with 429). The load
 * comes from autocannon in a third process; an answer other than 2xx counts as an error.
 *
 * The Neo4j is the one of NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD (its data are replaced by the seed and
 * the published data sets, as `npm start` imports them into an empty store: use a scratch one), or,
 * without NEO4J_URI, one started here with scripts/neo4j/start-background.sh on a free port and
 * stopped at the end. First both servers answer each operation once and the answers are compared
 * (same items, same nested counts); then each round runs every (operation, concurrency, server) for
 * `seconds`, the two servers in alternating order. Prints, per operation and concurrency, the
 * medians with their spread (min–max over the rounds) of req/s and median latency for each server,
 * the project's ratios, and the load average before and after.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import { projectRoot } from '../src/paths.js';
import {
  autocannon,
  buildIfStale,
  graphql,
  loadAverage,
  spread,
  startApp,
  startScript,
  type LoadResult,
  type ServerProcess,
} from './harness/external.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8,32' },
    cache: { type: 'string', default: 'off' },
    only: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const levels = values.concurrency!.split(',').map(Number);

const AT = '1914-06-28';

/** An operation: the project's request, @neo4j/graphql's, and what both answers must agree on. */
interface Operation {
  name: string;
  project: { query: string; variables?: Record<string, unknown> };
  neo4jGraphql: { query: string; variables?: Record<string, unknown> };
  /** The answer reduced to what both must agree on: item keys with nested counts, in order. */
  projectShape(data: any): string[];
  neo4jGraphqlShape(data: any): string[];
}

const allOperations: Operation[] = [
  {
    name: 'one negotiation with parties, rounds, proposals',
    project: {
      query:
        'query One($id: ID!) { negotiation(id: $id) { key name start end outcome parties { ccode abbrev name } rounds { sequence start end place } proposals { sequence date obligations response } } }',
      variables: { id: 'anglo-german-1898' },
    },
    neo4jGraphql: {
      query:
        'query One($id: String!) { negotiations(where: { id: { eq: $id } }) { id name start end outcome parties(sort: [{ ccode: ASC }]) { ccode abbrev name } rounds(sort: [{ sequence: ASC }]) { sequence start end place } proposals(sort: [{ sequence: ASC }]) { sequence date obligations response } } }',
      variables: { id: 'anglo-german-1898' },
    },
    projectShape: (d) => [
      `${d.negotiation.key} ${d.negotiation.parties.length} ${d.negotiation.rounds.length} ${d.negotiation.proposals.length}`,
    ],
    neo4jGraphqlShape: (d) =>
      d.negotiations.map((n: any) => `${n.id} ${n.parties.length} ${n.rounds.length} ${n.proposals.length}`),
  },
  {
    name: '50 negotiations with parties and treaty',
    project: {
      query:
        '{ negotiations(first: 50) { edges { node { key name start end outcome parties { ccode abbrev name } treaty { key name signed } } } } }',
    },
    neo4jGraphql: {
      query:
        '{ negotiations(sort: [{ start: ASC }, { id: ASC }], limit: 50) { id name start end outcome parties(sort: [{ ccode: ASC }]) { ccode abbrev name } treaty { id name signed } } }',
    },
    projectShape: (d) =>
      d.negotiations.edges.map(
        (e: any) => `${e.node.key} ${e.node.parties.length} ${e.node.treaty ? e.node.treaty.key : '-'}`,
      ),
    neo4jGraphqlShape: (d) =>
      d.negotiations.map((n: any) => `${n.id} ${n.parties.length} ${n.treaty[0] ? n.treaty[0].id : '-'}`),
  },
  {
    name: 'the failed negotiations with parties',
    project: {
      query:
        '{ negotiations(filter: { outcome: NONAGREEMENT }, first: 100) { totalCount edges { node { key name start end parties { ccode abbrev name } } } } }',
    },
    neo4jGraphql: {
      query:
        '{ negotiationsConnection(where: { outcome: { eq: "NONAGREEMENT" } }, sort: [{ start: ASC }, { id: ASC }], first: 100) { totalCount edges { node { id name start end parties(sort: [{ ccode: ASC }]) { ccode abbrev name } } } } }',
    },
    projectShape: (d) => [
      String(d.negotiations.totalCount),
      ...d.negotiations.edges.map((e: any) => `${e.node.key} ${e.node.parties.length}`),
    ],
    neo4jGraphqlShape: (d) => [
      String(d.negotiationsConnection.totalCount),
      ...d.negotiationsConnection.edges.map((e: any) => `${e.node.id} ${e.node.parties.length}`),
    ],
  },
  {
    name: `treaties in force on ${AT} with members`,
    project: {
      query: `{ treaties(filter: { activeAt: "${AT}" }, first: 100) { totalCount edges { node { key name signed ended members(at: "${AT}") { state { ccode abbrev name } entry exit phase } } } } }`,
    },
    neo4jGraphql: {
      query: `{ treatiesConnection(where: { signed: { lte: "${AT}" }, OR: [{ ended: { eq: null } }, { ended: { gte: "${AT}" } }] }, sort: [{ signed: ASC }, { id: ASC }], first: 100) { totalCount edges { node { id name signed ended membersConnection(where: { edge: { AND: [{ OR: [{ entry: { eq: null } }, { entry: { lte: "${AT}" } }] }, { OR: [{ exit: { eq: null } }, { exit: { gte: "${AT}" } }] }] } }) { edges { properties { entry exit phase } node { ccode abbrev name } } } } } } }`,
    },
    projectShape: (d) => [
      String(d.treaties.totalCount),
      ...d.treaties.edges.map((e: any) => `${e.node.key} ${e.node.members.length}`),
    ],
    neo4jGraphqlShape: (d) => [
      String(d.treatiesConnection.totalCount),
      ...d.treatiesConnection.edges.map((e: any) => `${e.node.id} ${e.node.membersConnection.edges.length}`),
    ],
  },
];
const operations = allOperations.filter((o) => !values.only || values.only.split(',').some((n) => o.name.includes(n)));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** NEO4J_URI's Neo4j, or one started here (stopped by the returned function). */
async function neo4jEnv(): Promise<{ env: NodeJS.ProcessEnv; stop: () => void }> {
  if (process.env.NEO4J_URI) return { env: {}, stop: () => {} };
  const state = mkdtempSync(join(tmpdir(), 'alliance-bench-neo4j-'));
  const envFile = join(state, 'neo4j.env');
  const script = (name: string) => join(projectRoot, 'scripts', 'neo4j', name);
  const env = { ...process.env, NEO4J_PORT: String(await freePort()), NEO4J_STATE_DIR: state };
  console.log('starting a Neo4j of its own (scripts/neo4j/start-background.sh) ...');
  if (spawnSync('bash', [script('start-background.sh'), envFile], { env, stdio: 'inherit' }).status !== 0)
    throw new Error('Neo4j did not start');
  const vars = Object.fromEntries(
    [...readFileSync(envFile, 'utf8').matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
  );
  return {
    env: vars,
    stop: () => {
      spawnSync('bash', [script('stop.sh')], { env, stdio: 'inherit' });
      rmSync(state, { recursive: true, force: true });
    },
  };
}

const neo4j = await neo4jEnv();
const servers: ServerProcess[] = [];
try {
  buildIfStale();
  console.log('starting the project on Neo4j (the first start on an empty database imports the record: minutes) ...');
  const project = await startApp('project', {
    ...neo4j.env,
    STORE: 'neo4j',
    READ_CACHE: values.cache === 'on' ? 'true' : 'false',
    // Two of the operations are estimated above EXPENSIVE_COST (a page of 100 costs 100 items,
    // whatever the data hold): by default only 2 run at once and the rest get 429. Every request
    // must be answered for the figures to compare, so as many run at once as there are clients.
    MAX_CONCURRENT_EXPENSIVE: String(Math.max(...levels)),
  });
  servers.push(project);
  const reference = await startScript('@neo4j/graphql', 'neo4jGraphqlServer.ts', neo4j.env);
  servers.push(reference);

  // The answers agree, item by item, before anything is timed.
  for (const op of operations) {
    const a = op.projectShape((await graphql(project.url, JSON.stringify(op.project))).data);
    const b = op.neo4jGraphqlShape((await graphql(reference.url, JSON.stringify(op.neo4jGraphql))).data);
    if (JSON.stringify(a) !== JSON.stringify(b))
      throw new Error(`${op.name}: the answers differ\nproject: ${a.join(', ')}\n@neo4j/graphql: ${b.join(', ')}`);
    console.log(`${op.name}: the same ${a.length} item(s) from both`);
  }

  const loadBefore = loadAverage();
  console.log(
    `\nnode ${process.version}; ${rounds} interleaved rounds of ${seconds} s per (operation, concurrency, server); project read cache ${values.cache}; load average ${loadBefore}\n`,
  );
  type Key = string;
  const results = new Map<Key, LoadResult[]>();
  const key = (op: Operation, c: number, s: ServerProcess) => `${op.name}|${c}|${s.name}`;
  // Warm both (JIT, plan caches) for a second on each operation.
  for (const op of operations) {
    await autocannon(project.url, JSON.stringify(op.project), 8, 1);
    await autocannon(reference.url, JSON.stringify(op.neo4jGraphql), 8, 1);
  }
  for (let r = 0; r < rounds; r++) {
    for (const op of operations) {
      for (const c of levels) {
        const order = r % 2 === 0 ? [project, reference] : [reference, project];
        for (const s of order) {
          const body = JSON.stringify(s === project ? op.project : op.neo4jGraphql);
          const res = await autocannon(s.url, body, c, seconds);
          const k = key(op, c, s);
          results.set(k, [...(results.get(k) ?? []), res]);
        }
      }
    }
    console.log(`round ${r + 1}/${rounds} done; load average ${loadAverage()}`);
  }

  console.log(
    '\n| operation | c | project req/s | @neo4j/graphql req/s | req/s ratio | project p50 ms | @neo4j/graphql p50 ms | latency ratio | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const op of operations) {
    for (const c of levels) {
      const a = results.get(key(op, c, project))!;
      const b = results.get(key(op, c, reference))!;
      const rps = (xs: LoadResult[]) => xs.map((x) => x.rps);
      const p50 = (xs: LoadResult[]) => xs.map((x) => x.p50);
      const ratios = (f: (x: LoadResult) => number) => a.map((x, i) => f(x) / f(b[i]!));
      console.log(
        `| ${op.name} | ${c} | ${spread(rps(a), 0)} | ${spread(rps(b), 0)} | ${spread(
          ratios((x) => x.rps),
          2,
        )} | ${spread(p50(a))} | ${spread(p50(b))} | ${spread(
          ratios((x) => x.p50),
          2,
        )} | ${a.reduce((n, x) => n + x.errors, 0)} / ${b.reduce((n, x) => n + x.errors, 0)} |`,
      );
    }
  }
  console.log(
    `\nmedians (min–max) over ${rounds} rounds; ratios are the project's figure over @neo4j/graphql's in the same round (req/s: above 1 is ahead; latency: below 1 is ahead); errors: non-2xx answers, project / @neo4j/graphql; load average before ${loadBefore}, after ${loadAverage()}`,
  );
} finally {
  for (const s of servers) await s.stop();
  neo4j.stop();
}
