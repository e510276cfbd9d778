/**
 * The same Cypher against a real Neo4j 5, when one is configured (NEO4J_URI, NEO4J_USER,
 * NEO4J_PASSWORD; the database is WIPED, use a scratch one). Without NEO4J_URI these tests are
 * reported as skipped, with the reason in their name.
 */
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/seed/loadSeed.js';
import { CypherRegistry } from '../../src/store/CypherRegistry.js';
import { emptyNeo4j, neo4jOptions, neo4jSkipReason, seededGrafeo } from '../helpers/testStore.js';
import { Neo4jStore } from '../../src/store/Neo4jStore.js';
import { createTestApi } from '../helpers/testApi.js';
import * as q from '../../src/store/queries.gen.js';

const title = neo4jSkipReason ? `Neo4j integration (${neo4jSkipReason})` : 'Neo4j integration';

describe.skipIf(neo4jSkipReason !== null)(title, () => {
  it('loads the seed idempotently, with the same counts as the embedded store', async () => {
    const neo = await emptyNeo4j();
    await loadSeed(neo);
    const counts = { nodes: await neo.read(q.countNodesByLabel), rels: await neo.read(q.countRelationshipsByType) };
    await loadSeed(neo);
    expect({ nodes: await neo.read(q.countNodesByLabel), rels: await neo.read(q.countRelationshipsByType) }).toEqual(
      counts,
    );
    const embedded = await seededGrafeo();
    expect(counts.nodes).toEqual(await embedded.read(q.countNodesByLabel));
    expect(counts.rels).toEqual(await embedded.read(q.countRelationshipsByType));
    await neo.store.close();
  });

  it("answers the API tests' canonical query exactly as the embedded store does", async () => {
    const neo = await emptyNeo4j();
    await loadSeed(neo);
    const query = `{ negotiations(first: 100) { totalCount edges { node { key start end outcome parties { ccode } rounds { start place }
      warPlans { approach target { key } } treaty { atopId signed members { entry state { ccode } } } sources { source { key } } } } } }`;
    const onNeo4j = await (await createTestApi(neo)).run(query);
    const onGrafeo = await (await createTestApi(await seededGrafeo())).run(query);
    expect(onNeo4j.errors).toBeUndefined();
    expect(onNeo4j.data).toEqual(onGrafeo.data);
    await neo.store.close();
  });

  it('every Cypher file is accepted by the server (EXPLAIN)', async () => {
    const neo = await emptyNeo4j();
    for (const q of CypherRegistry.load().all()) {
      const params = Object.fromEntries(q.params.map((p) => [p, null]));
      await expect(neo.store.read(`EXPLAIN ${q.text}`, params, q.name), q.name).resolves.toBeDefined();
    }
    await neo.store.close();
  });

  it('reads reuse pooled sessions, and a read whose signal is aborted rejects with its reason at once', async () => {
    const store = await Neo4jStore.connect(neo4jOptions());
    try {
      const driver = (store as unknown as { driver: { session: (...a: unknown[]) => unknown } }).driver;
      const session = driver.session.bind(driver);
      let made = 0;
      driver.session = (...a: unknown[]) => {
        made += 1;
        return session(...a);
      };
      const count = async (n: number) =>
        (await store.read('UNWIND range(1, $n) AS i RETURN count(i) AS c', { n }, 'count'))[0]!.c;
      // 12 reads at once: each on its own session, all answered right.
      expect(await Promise.all(Array.from({ length: 12 }, (_, i) => count(i + 1)))).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      const afterBurst = made;
      expect(afterBurst).toBeLessThanOrEqual(12);
      // Later reads take the idle sessions: none is made.
      for (let i = 0; i < 20; i++) expect(await count(3)).toBe(3);
      await Promise.all(Array.from({ length: 12 }, () => count(2)));
      expect(made).toBe(afterBurst);

      const gone = new Error('the request is gone');
      await expect(store.read('RETURN 1 AS x', {}, 'x', { signal: AbortSignal.abort(gone) })).rejects.toBe(gone);
      // A long read answers by its deadline, not when Neo4j is done.
      const t0 = performance.now();
      const slow = store.read('UNWIND range(1, 200000000) AS i WITH i WHERE i < 0 RETURN count(i) AS c', {}, 'slow', {
        signal: AbortSignal.timeout(100),
      });
      await expect(slow).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(performance.now() - t0).toBeLessThan(2000);
      expect(await count(5)).toBe(5); // the store serves on
    } finally {
      await store.close();
    }
  });
});
