/**
 * The same Cypher against a real Neo4j 5, when one is configured (NEO4J_URI, NEO4J_USER,
 * NEO4J_PASSWORD; the database is WIPED, use a scratch one). Without NEO4J_URI these tests are
 * reported as skipped, with the reason in their name.
 */
import { describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/seed/loadSeed.js';
import { CypherRegistry } from '../../src/store/CypherRegistry.js';
import { emptyNeo4j, neo4jSkipReason, seededGrafeo } from '../helpers/testStore.js';
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
});
