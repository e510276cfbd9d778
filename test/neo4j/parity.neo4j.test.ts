/**
 * Parity on the whole record: after the curated seed and the full import of the published data sets
 * into each store, every explorer example, every README traversal and every export format answer
 * the same on Neo4j as on the embedded store. A difference is a bug in the Cypher or the
 * normaliser, never a special case here. (Runs in the neo4j project; on CI it fails without Neo4j.)
 */
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExamples } from '../../src/web/explorer.js';
import { loadSeed } from '../../src/seed/loadSeed.js';
import { importAll } from '../../src/import/index.js';
import { runExport, type ExportRequest } from '../../src/export/index.js';
import type { QueryExecutor } from '../../src/store/QueryExecutor.js';
import { emptyGrafeo, emptyNeo4j, neo4jSkipReason } from '../helpers/testStore.js';
import { createTestApi, testLimits, type TestApi } from '../helpers/testApi.js';
import { traversals } from '../helpers/queryMap.js';
import { sharedDataDir } from '../helpers/sharedData.js';

async function full(open: () => Promise<QueryExecutor>): Promise<QueryExecutor> {
  const ex = await open();
  await loadSeed(ex);
  await importAll(ex, sharedDataDir);
  return ex;
}

async function exported(ex: QueryExecutor, request: ExportRequest): Promise<string> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await runExport(ex, request, out);
  return Buffer.concat(chunks).toString('utf8');
}

describe.skipIf(neo4jSkipReason !== null && process.env.CI !== 'true')(
  'the same answers on Neo4j and on the embedded store, on the whole record',
  () => {
    let neo: QueryExecutor;
    let grafeo: QueryExecutor;
    let onNeo: TestApi;
    let onGrafeo: TestApi;
    const limits = { ...testLimits, maxCost: 1_000_000, maxPageSize: 1000 };
    beforeAll(async () => {
      neo = await full(emptyNeo4j);
      grafeo = await full(emptyGrafeo);
      onNeo = await createTestApi(neo, limits);
      onGrafeo = await createTestApi(grafeo, limits);
    }, 600_000);

    it('every explorer example and every README traversal', async () => {
      const operations = [
        ...readExamples().map((e) => ({
          name: e.name,
          query: e.query,
          variables: e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : undefined,
        })),
        ...traversals.map((t) => ({ name: t.name, query: t.query, variables: undefined })),
      ];
      for (const op of operations) {
        const [a, b] = [await onNeo.run(op.query, op.variables), await onGrafeo.run(op.query, op.variables)];
        expect(a.errors, `${op.name} on Neo4j`).toBeUndefined();
        expect(b.errors, `${op.name} embedded`).toBeUndefined();
        expect(a.data, op.name).toEqual(b.data);
      }
    }, 600_000);

    it('every export format, byte for byte', async () => {
      const requests: ExportRequest[] = [
        { format: 'gexf', kind: 'at', at: '1914-06-28', negotiationYears: 10, directed: false },
        { format: 'graphml', kind: 'at', at: '1914-06-28', negotiationYears: 10, directed: false },
        { format: 'cytoscape', kind: 'at', at: '1939-08-01', negotiationYears: 10, directed: false },
        { format: 'graphology', kind: 'at', at: '1949-06-01', negotiationYears: 10, directed: false },
        { format: 'gexf', kind: 'range', from: '1815-01-01', to: '1949-12-31', negotiations: true, directed: false },
        {
          format: 'dyad-year',
          kind: 'range',
          from: '1900-01-01',
          to: '1914-12-31',
          negotiations: false,
          directed: false,
        },
      ];
      for (const r of requests) {
        const [a, b] = [await exported(neo, r), await exported(grafeo, r)];
        expect(a.length, `${r.format} ${JSON.stringify(r)}`).toBeGreaterThan(100);
        expect(a === b, `${r.format} ${JSON.stringify(r)} differs between the stores`).toBe(true);
      }
    }, 600_000);
  },
);
