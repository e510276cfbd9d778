/**
 * Two groups of tests, run in order:
 *  0. everything under test/ except test/drift (unit, cypher, api, seed, import ...), in parallel;
 *  1. test/drift: checks over what group 0 did — every cypher/*.cypher file was executed on the
 *     embedded store by some test (the executors built by test/helpers log each query they run
 *     into CYPHER_RUN_LOG, a fresh folder per run).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
// Vitest evaluates this file once per project, in the same process: name the folder after the
// process (pid and start time) so that both groups share it, and a later run starts afresh.
const runLog = process.env.CYPHER_RUN_LOG ?? join(tmpdir(), 'alliance-graph-cypher-runs', `${process.pid}-${Math.round(performance.timeOrigin)}`);
mkdirSync(runLog, { recursive: true });

export default defineConfig({
  // One copy of graphql for everything (type-graphql, Apollo, our code): avoids "another module or realm".
  resolve: { alias: { graphql: require.resolve('graphql') } },
  test: {
    env: { CYPHER_RUN_LOG: runLog },
    // type-graphql's decorators need the Reflect metadata API before any schema class loads.
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/drift/**'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'drift', include: ['test/drift/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
