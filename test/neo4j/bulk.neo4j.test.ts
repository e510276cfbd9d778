/**
 * The bulk path (`GraphStore.bulk`) on Neo4j beside Grafeo: the same nodes and relationships, the
 * same rows read back (test/unit/bulkWrite.test.ts checks Grafeo alone).
 */
import { describe, expect, it } from 'vitest';
import { emptyGrafeo, emptyNeo4j, neo4jSkipReason } from '../helpers/testStore.js';
import { bulkRoundTrip, expected } from '../helpers/bulkProbe.js';

const title = neo4jSkipReason ? `bulk path on Neo4j (${neo4jSkipReason})` : 'bulk path on Neo4j';

describe.skipIf(neo4jSkipReason !== null)(title, () => {
  it('writes what Grafeo writes and reads back the same rows', async () => {
    const neo = await emptyNeo4j();
    const grafeo = await emptyGrafeo();
    expect(await bulkRoundTrip(neo.store)).toEqual(expected);
    expect(await bulkRoundTrip(grafeo.store)).toEqual(expected);
    await neo.store.close();
    await grafeo.store.close();
  });
});
