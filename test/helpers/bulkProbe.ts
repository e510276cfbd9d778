/**
 * A probe of the stores' bulk path (`GraphStore.bulk`): two nodes and a relationship written by it,
 * read back with Cypher that compares and takes apart their dates (test/unit/bulkWrite.test.ts,
 * test/neo4j/bulk.neo4j.test.ts).
 */
import type { GraphStore } from '../../src/store/GraphStore.js';

export const dates = (name: string) => (name === 'Probe' ? ['day'] : name === 'LINKS' ? ['since'] : []);

/** Bulk-writes two probes and a relationship, and reads them back. */
export async function bulkRoundTrip(store: GraphStore) {
  const [a, b] = await store.bulk!.createNodes(
    [
      { label: 'Probe', props: { key: 'a', day: '1914-06-28', ints: [1, 2], cinc: 0.5, gone: null } },
      { label: 'Probe', props: { key: 'b', day: '2400-02-29', ints: [], cinc: 1 } },
    ],
    dates,
  );
  await store.bulk!.createRelationships(
    [{ type: 'LINKS', from: a!, to: b!, props: { since: '1815-01-01', n: 3 } }],
    dates,
  );
  return store.read(
    `MATCH (x:Probe)-[r:LINKS]->(y:Probe)
RETURN x.key AS x, y.key AS y, x.day AS day, x.day.year AS year, x.day < date('1915-01-01') AS before, y.day AS leap,
       x.ints AS ints, x.cinc AS cinc, y.cinc * 2 AS twice, x.gone IS NULL AS gone, r.since AS since,
       r.since = date('1815-01-01') AS sinceIsDate, r.n + 1 AS next`,
    {},
    'bulk-probe',
  );
}

export const expected = [
  {
    x: 'a',
    y: 'b',
    day: '1914-06-28',
    year: 1914,
    before: true,
    leap: '2400-02-29',
    ints: [1, 2],
    cinc: 0.5,
    twice: 2,
    gone: true,
    since: '1815-01-01',
    sinceIsDate: true,
    next: 4,
  },
];
