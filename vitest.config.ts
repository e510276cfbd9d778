/**
 * Three groups of tests, run in order:
 *  0. "main": everything under test/ except test/drift and test/neo4j (unit, cypher, api, seed,
 *     import ...), on the embedded store, in parallel;
 *  1. "neo4j": the store-parameterised directories (test/api, test/analysis, test/export, test/seed,
 *     test/import) again with STORE=neo4j (test/helpers/testStore.ts then hands out executors on
 *     the Neo4j at NEO4J_URI), plus test/neo4j. One file at a time: they share one database, which
 *     each helper call wipes. Present when NEO4J_URI is set, and always on CI (CI=true), where a
 *     missing NEO4J_URI fails these tests instead of skipping them;
 *  2. test/drift: checks over what group 0 did — every cypher/*.cypher file was executed on the
 *     embedded store by some test (the executors built by test/helpers log each query they run
 *     on the embedded store into CYPHER_RUN_LOG, a fresh folder per run).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
/** The tests that run once per store. */
const perStoreDirs = ['test/api', 'test/analysis', 'test/export', 'test/seed', 'test/import'];
const storeFreeTests = [
  'test/seed/codingRules.test.ts',
  'test/seed/coverage.test.ts',
  'test/seed/seedData.test.ts',
  'test/seed/reliabilityFigures.test.ts',
  'test/analysis/logisticModel.test.ts',
  'test/analysis/portfolioSimilarity.test.ts',
  // The embedded store's plans on synthetic graphs: it opens Grafeo whatever STORE says.
  'test/analysis/scaling.test.ts',
  'test/import/publishedData.test.ts',
  // A census of the record's relation sizes (the data's, the same on both stores): once, embedded.
  'test/api/relationSizes.api.test.ts',
];
const withNeo4j = Boolean(process.env.NEO4J_URI) || process.env.CI === 'true';

// Vitest evaluates this file once per project, in the same process: name the folder after the
// process (pid and start time) so that both groups share it, and a later run starts afresh.
const runLog =
  process.env.CYPHER_RUN_LOG ??
  join(tmpdir(), 'alliance-graph-cypher-runs', `${process.pid}-${Math.round(performance.timeOrigin)}`);
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
      // Without a Neo4j, test/neo4j stays here, where it reports its tests as skipped (with the reason).
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: ['test/drift/**', ...(withNeo4j ? ['test/neo4j/**'] : [])],
          sequence: { groupOrder: 0 },
        },
      },
      ...(withNeo4j
        ? [
            {
              extends: true as const,
              test: {
                name: 'neo4j',
                include: [...perStoreDirs.map((d) => `${d}/**/*.test.ts`), 'test/neo4j/**/*.test.ts'],
                // Files there that open no store (data and model checks) run once, in "main".
                exclude: storeFreeTests,
                env: { CYPHER_RUN_LOG: runLog, STORE: 'neo4j' },
                maxWorkers: 1,
                fileParallelism: false,
                sequence: { groupOrder: 1 },
              },
            },
          ]
        : []),
      { extends: true, test: { name: 'drift', include: ['test/drift/**/*.test.ts'], sequence: { groupOrder: 2 } } },
    ],
  },
});
