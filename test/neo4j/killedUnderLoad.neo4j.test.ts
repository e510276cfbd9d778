/**
 * Issue 28 §5, the audit's reproduction: Neo4j killed (SIGKILL) under load while the API serves
 * from it, then started again on the same data folder and port. The scenario is
 * scripts/harness/neo4jOutage.ts (`npm run load:kill-neo4j` measures the same one): a Neo4j of its
 * own on a free port (the shared one of NEO4J_URI serves the other test files and must not be
 * killed), the API in a child process as `npm start` runs it (built if stale, then `node
 * dist/src/cli.js serve`: production mode, default configuration; it loads the curated seed into the
 * empty database), 4 clients looping small reads (each at most 10 a second), /healthz sampled every
 * 50 ms and /readyz every 250 ms.
 *
 * Bounds, from the configuration (src/store/neo4jTimeouts.ts): a read retries for the retry window
 * (the connection timeout, 5 s, or REQUEST_TIMEOUT_MS if shorter), after which the store counts as
 * down and reads fail at once, one read at a time trying whether it is back (OutageBreaker, every
 * NEO4J_DOWN_TRIAL_EVERY_MS); /readyz's check goes through the same breaker and gives up after 2 s.
 * SLACK_MS is for a loaded two-core machine: timers fire late there.
 *
 * Before the fix: every 503 at or past the deadline (10.0-18.3 s after the request), TIMEOUT, half
 * of the answers 200 with `{ "negotiation": null }`, and /readyz unready 6.5 s after reads were
 * answered again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  duringOutage,
  outageFigures,
  outagePhase,
  runNeo4jOutage,
  type Answer,
  type OutageRun,
} from '../../scripts/harness/neo4jOutage.js';
import { neo4jLauncherBuilt } from '../../scripts/harness/ownNeo4j.js';
import { buildIfStale } from '../../scripts/harness/external.js';
import { NEO4J_DOWN_TRIAL_EVERY_MS } from '../../src/store/neo4jTimeouts.js';
import { neo4jRequired } from '../helpers/testStore.js';

// The launcher is built by .ci/run (and by `npm run neo4j`); on CI its absence fails the test.
const skipReason =
  neo4jLauncherBuilt() || neo4jRequired
    ? null
    : 'skipped: the Neo4j launcher is not built (bash scripts/neo4j/run.sh --build-only)';
const title = skipReason ? `Neo4j killed under load (${skipReason})` : 'Neo4j killed under load';

/** Late timers and a busy event loop on a loaded two-core machine. */
const SLACK_MS = 1000;
/** /readyz is asked every 250 ms (the harness). */
const READYZ_EVERY_MS = 250;
/** What /readyz's 503 may say: words a client may read, no address or driver message (Neo4jStore.health). */
const READYZ_REASON = /^Neo4j (cannot be reached|did not answer within \d+ ms|did not answer the check query)$/;

const storeDown = (a: Answer) =>
  a.status === 503 && a.dataNull && a.codes.length === 1 && a.codes[0] === 'STORE_UNAVAILABLE';
/**
 * The request's own deadline passed (a Neo4j accepting connections while it recovers answers
 * slowly): TIMEOUT, 503 with `data: null`, or 200 when the root fields are nullable (the rule of
 * docs/operators.md: "ask for less"); never before the deadline (another request's, through a read
 * they shared, came 0.9 s after the request before QueryExecutor re-read it).
 */
const timedOut = (a: Answer, deadlineMs: number) =>
  (a.status === 503 || a.status === 200) && a.codes.length === 1 && a.codes[0] === 'TIMEOUT' && a.ms >= deadlineMs;
const answered = (a: Answer) => a.status === 200 && a.codes.length === 0 && !a.dataNull;

describe.skipIf(skipReason !== null)(title, () => {
  let run: OutageRun;
  beforeAll(async () => {
    buildIfStale(); // what `npm start` runs first (a no-op after .ci/run's build)
    // Down for one retry window and a /readyz check past it (the harness's default adds a second).
    run = await runNeo4jOutage({ api: 'dist' });
    const f = outageFigures(run);
    console.log(
      `Neo4j killed under load: first 503 ${Math.round(f.killToFirst503Ms)} ms after the kill; ${f.outageRequests} requests during the outage, p50 ${Math.round(f.outageLatency.p50)} ms, max ${Math.round(f.outageLatency.max)} ms; /readyz not ready after ${Math.round(f.killToNotReadyMs)} ms, ready ${Math.round(f.restartToReadyMs)} ms after the restart began; setup ${JSON.stringify(run.setupMs)}; load average ${run.loadAverage.before} -> ${run.loadAverage.after}`,
    );
  }, 600_000);

  it('every request is answered by its deadline + 1 s: 200 or a coded 503, never a hang or another 5xx', () => {
    for (const a of run.answers)
      expect(a.ms, `${a.op} sent at ${Math.round(a.sentAt)} ms`).toBeLessThan(run.requestTimeoutMs + 1000);
    const other = run.answers.filter((a) => !(answered(a) || storeDown(a) || timedOut(a, run.requestTimeoutMs)));
    expect(other).toEqual([]);
    for (const a of run.answers.filter((x) => x.codes.includes('TIMEOUT'))) expect(a.retryAfter, a.op).not.toBeNull();
    // Before the kill: answered.
    expect(run.answers.filter((a) => a.sentAt + a.ms < run.killAt && !answered(a))).toEqual([]);
  });

  it('while Neo4j is down: 503 STORE_UNAVAILABLE with data: null, the first within one retry window, then at once', () => {
    const down = duringOutage(run).filter((a) => outagePhase(run, a) === 'down');
    expect(down.length).toBeGreaterThan(20);
    expect(down.filter((a) => !storeDown(a))).toEqual([]);
    // In flight at the kill or sent after it: at most one retry window (a read retries that long
    // from its first failure before the store counts as down) and the last pause between its
    // attempts (at most 1 s) ...
    const f = outageFigures(run);
    expect(f.killToFirst503Ms).toBeLessThan(run.retryWindowMs + 1000 + SLACK_MS);
    // ... and from the first 503 on at once: no read waits for a store known to be down.
    const firstAt = run.killAt + f.killToFirst503Ms;
    const steady = down.filter((a) => a.sentAt > firstAt);
    expect(steady.length).toBeGreaterThan(10);
    for (const a of steady) expect(a.ms, a.op).toBeLessThan(SLACK_MS);
  });

  it('while Neo4j restarts: the answer, 503 STORE_UNAVAILABLE, or TIMEOUT (a Neo4j recovering slowly)', () => {
    const restarting = duringOutage(run).filter((a) => outagePhase(run, a) === 'restarting');
    expect(restarting.length).toBeGreaterThan(0);
    expect(restarting.filter((a) => !(storeDown(a) || timedOut(a, run.requestTimeoutMs) || answered(a)))).toEqual([]);
  });

  it('/healthz stays 200 throughout', () => {
    expect(run.healthz.filter((p) => p.status !== 200)).toEqual([]);
  });

  it('/readyz: 503 saying why in words within one check of the kill, and so until Neo4j is back', () => {
    const f = outageFigures(run);
    expect(f.killToNotReadyMs).toBeLessThan(run.healthTimeoutMs + READYZ_EVERY_MS + SLACK_MS);
    const whileDown = run.readyz.filter(
      (p) => p.sentAt >= run.killAt + run.healthTimeoutMs + SLACK_MS && p.sentAt + p.ms < run.restartAt,
    );
    expect(whileDown.length).toBeGreaterThan(5);
    for (const p of whileDown) {
      expect(p.status, p.body).toBe(503);
      const body = JSON.parse(p.body) as { status: string; store: string; reason: string };
      expect(body).toMatchObject({ status: 'unavailable', store: 'neo4j' });
      expect(body.reason).toMatch(READYZ_REASON);
    }
  });

  it('Neo4j back on the same data and port: /readyz ready within a check of reads answered again, the same data', () => {
    const f = outageFigures(run);
    expect(Number.isFinite(f.restartToReadyMs), 'never ready again').toBe(true);
    // Reads are answered again as soon as a trial read is (the breaker lets one through every
    // NEO4J_DOWN_TRIAL_EVERY_MS); a trial under way as Neo4j came up ends within the driver's
    // connection timeout, the retry window. /readyz's check goes through the same breaker: the
    // first check sent after a read was answered (at most READYZ_EVERY_MS later) is ready, and it
    // answers within its own timeout (a fresh connection to a Neo4j just recovered; 1.5 s was seen
    // at a load average of 11). The audit saw /readyz unready 6.5 s after reads were answered.
    const readsBack = Math.min(
      ...run.answers.filter((a) => a.sentAt >= run.restartAt && answered(a)).map((a) => a.sentAt + a.ms),
    );
    expect(Number.isFinite(readsBack), 'no read answered after the restart').toBe(true);
    expect(run.readyAgainAt - readsBack).toBeLessThan(READYZ_EVERY_MS + run.healthTimeoutMs + SLACK_MS);
    expect(f.neo4jReadyToReadyMs).toBeLessThan(
      run.retryWindowMs + NEO4J_DOWN_TRIAL_EVERY_MS + READYZ_EVERY_MS + SLACK_MS,
    );
    // Once the API answered the fingerprint query again, every read is answered.
    const after = run.answers.filter((a) => a.sentAt >= run.answersAgainAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((a) => !answered(a))).toEqual([]);
    expect(run.apiFingerprint.after).toBe(run.apiFingerprint.before);
    expect(run.storeFingerprint.after).toBe(run.storeFingerprint.before);
  });
});
