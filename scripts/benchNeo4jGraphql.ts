/**
 * npm run bench:neo4j-graphql [-- options]    (npx tsx scripts/benchNeo4jGraphql.ts)
 *
 *   --rounds N        interleaved rounds (default 5)
 *   --seconds S       seconds of load per measurement (default 5)
 *   --concurrency L   comma-separated connection counts (default 8,32)
 *   --cache on|off    the project's read cache (default off: a scholar's queries are mostly first-time ones)
 *   --only a,b        operations by name (default all four)
 *   --cpu-requests N  requests per (operation, server) in the CPU count (default 400; 0: no count)
 *   --cpu-rounds N    interleaved rounds of the CPU count (default 3)
 *   --cpu-only        the CPU count alone, no req/s rounds
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
 *
 * Before those rounds, what load on a shared machine does not distort: the CPU time each process
 * spends per request (on 2 cores with Neo4j on the same machine, what decides throughput). Each server
 * answers `--cpu-requests` of each operation (8 clients, autocannon's `--amount`: none left in flight
 * at the end), and the CPU time of the server's process, and of the Neo4j's (the one started here, or
 * NEO4J_PID's), from /proc/<pid>/stat before and after, less what each spent idle in as long (measured
 * first), is divided by the requests. Beside it, the Cypher statements per request, each a round trip
 * to Neo4j: the project's from its request log (`roundTrips`), @neo4j/graphql's from its harness
 * (`GET /stats`: the `run` calls on its sessions and transactions; its transaction adds a COMMIT).
 * Linux only (without /proc the count is skipped).
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  median,
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
    'cpu-requests': { type: 'string', default: '400' },
    'cpu-rounds': { type: 'string', default: '3' },
    'cpu-only': { type: 'boolean', default: false },
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

/** NEO4J_URI's Neo4j (its process: NEO4J_PID, if given), or one started here (stopped by the returned function). */
async function neo4jEnv(): Promise<{ env: NodeJS.ProcessEnv; pid?: number; stop: () => void }> {
  if (process.env.NEO4J_URI)
    return { env: {}, pid: process.env.NEO4J_PID ? Number(process.env.NEO4J_PID) : undefined, stop: () => {} };
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
    // start-background.sh's pid file: run.sh execs java, so it is the JVM's.
    pid: Number(readFileSync(join(state, 'pid'), 'utf8').trim()),
    stop: () => {
      spawnSync('bash', [script('stop.sh')], { env, stdio: 'inherit' });
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times. */
const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU time (user + system, all threads) the process `pid` has used so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** One figure per (operation, server) and CPU round. */
interface CpuResult {
  serverMs: number;
  neo4jMs: number;
  trips: number;
  errors: number;
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

  // Round trips: the project's from its request log, @neo4j/graphql's from its harness.
  let projectTrips = 0;
  let projectLogged = 0;
  project.onLine((line) => {
    if (!line.includes('"msg":"graphql"')) return;
    projectLogged += 1;
    projectTrips += Number(/"roundTrips":(\d+)/.exec(line)?.[1] ?? 0);
  });
  const referenceStatements = async () =>
    ((await (await fetch(new URL('/stats', reference.url))).json()) as { statements: number }).statements;
  const trips = async (s: ServerProcess) => (s === project ? projectTrips : referenceStatements());

  const cpuRequests = Number(values['cpu-requests']);
  const cpuRounds = Number(values['cpu-rounds']);
  const pids = [project.child.pid, reference.child.pid, neo4j.pid];
  if (cpuRequests > 0 && pids.every((p) => p === undefined || existsSync(`/proc/${p}/stat`))) {
    const c = 8;
    const loadBeforeCpu = loadAverage();
    // What each process spends idle (timers, Neo4j's background threads), taken off what follows:
    // measured over 3 s once each is quiet (the project fits its agreement model after its start).
    const idleMs = 1000;
    let idleRate: number[] = [];
    for (let i = 0; i < 60; i++) {
      const idle0 = pids.map((p) => (p ? cpuMs(p) : 0));
      await sleep(idleMs);
      idleRate = pids.map((p, j) => (p ? (cpuMs(p) - idle0[j]!) / idleMs : 0));
      if (idleRate.every((x) => x < 0.05)) break;
    }
    const quiet = pids.map((p) => (p ? cpuMs(p) : 0));
    await sleep(3 * idleMs);
    idleRate = pids.map((p, j) => (p ? (cpuMs(p) - quiet[j]!) / (3 * idleMs) : 0));
    const cpu = new Map<string, CpuResult[]>();
    for (const op of operations) {
      for (const s of [project, reference]) {
        await autocannon(s.url, JSON.stringify(s === project ? op.project : op.neo4jGraphql), c, 1); // warm
      }
    }
    for (let r = 0; r < cpuRounds; r++) {
      for (const op of operations) {
        const order = r % 2 === 0 ? [project, reference] : [reference, project];
        for (const s of order) {
          const serverPid = s.child.pid!;
          const logged0 = projectLogged;
          const [server0, neo0, trips0] = [cpuMs(serverPid), neo4j.pid ? cpuMs(neo4j.pid) : 0, await trips(s)];
          const t0 = performance.now();
          const res = await autocannon(
            s.url,
            JSON.stringify(s === project ? op.project : op.neo4jGraphql),
            c,
            0,
            cpuRequests,
          );
          // The project's log lines of these requests, all of them (a second at most).
          for (let i = 0; s === project && projectLogged - logged0 < res.requests && i < 100; i++) await sleep(10);
          const ms = performance.now() - t0;
          const serverIdle = idleRate[s === project ? 0 : 1]! * ms;
          const result: CpuResult = {
            serverMs: (cpuMs(serverPid) - server0 - serverIdle) / res.requests,
            neo4jMs: neo4j.pid ? (cpuMs(neo4j.pid) - neo0 - idleRate[2]! * ms) / res.requests : NaN,
            trips: ((await trips(s)) - trips0) / res.requests,
            errors: res.errors,
          };
          const k = `${op.name}|${s.name}`;
          cpu.set(k, [...(cpu.get(k) ?? []), result]);
        }
      }
    }
    console.log(
      `\nCPU time per request: ${cpuRequests} requests per (operation, server) from ${c} clients, ${cpuRounds} interleaved rounds, medians (min–max); process CPU from /proc/<pid>/stat less its idle rate (project ${(idleRate[0]! * 1000).toFixed(0)}, @neo4j/graphql ${(idleRate[1]! * 1000).toFixed(0)}, Neo4j ${neo4j.pid ? (idleRate[2]! * 1000).toFixed(0) : '?'} ms/s); load average before ${loadBeforeCpu}, after ${loadAverage()}\n`,
    );
    console.log(
      '| operation | project ms/req | @neo4j/graphql ms/req | Neo4j ms/req (project) | Neo4j ms/req (@neo4j/graphql) | total ratio (server + Neo4j) | Cypher statements/req (project / @neo4j/graphql) | errors |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const op of operations) {
      const a = cpu.get(`${op.name}|${project.name}`)!;
      const b = cpu.get(`${op.name}|${reference.name}`)!;
      const f = (xs: CpuResult[], g: (x: CpuResult) => number, d = 2) => spread(xs.map(g), d);
      console.log(
        `| ${op.name} | ${f(a, (x) => x.serverMs)} | ${f(b, (x) => x.serverMs)} | ${f(a, (x) => x.neo4jMs)} | ${f(
          b,
          (x) => x.neo4jMs,
        )} | ${spread(
          a.map((x, i) => (x.serverMs + x.neo4jMs) / (b[i]!.serverMs + b[i]!.neo4jMs)),
          2,
        )} | ${median(a.map((x) => x.trips)).toFixed(1)} / ${median(b.map((x) => x.trips)).toFixed(1)} | ${a.reduce(
          (n, x) => n + x.errors,
          0,
        )} / ${b.reduce((n, x) => n + x.errors, 0)} |`,
      );
    }
    console.log(
      '\ntotal ratio: (project + Neo4j) CPU per request over (@neo4j/graphql + Neo4j), in the same round: below 1 the project costs less',
    );
  } else if (cpuRequests > 0) {
    console.log('\n(no /proc: the CPU count per request is skipped)');
  }
  if (!values['cpu-only']) {
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
  }
} finally {
  for (const s of servers) await s.stop();
  neo4j.stop();
}
