/**
 * Values through a real Neo4j and through Grafeo: the same statement, the same parameters, the
 * same normalised rows (src/store/normaliseValue.ts), for integers, floats that happen to be whole
 * (CINC 0.0 and 1.0, which JavaScript cannot tell from 0 and 1), dates, partial dates, lists and
 * nulls. Complements test/unit/normaliseValue.test.ts, whose driver values are built by hand.
 */
import { describe, expect, it } from 'vitest';
import { emptyGrafeo, emptyNeo4j, neo4jSkipReason } from '../helpers/testStore.js';
import type { GraphStore, Params } from '../../src/store/index.js';

const title = neo4jSkipReason ? `values on Neo4j and Grafeo (${neo4jSkipReason})` : 'values on Neo4j and Grafeo';

const props = {
  ccode: 200,
  cinc0: 0,
  cinc1: 1,
  cinc: 0.0123,
  name: 'United Kingdom',
  partial: '1815-06',
  ints: [1, 2, 3],
  floats: [0, 0.5, 1],
};

/** Writes a probe node and reads it back, property by property. */
const write = `CREATE (n:ValueProbe) SET n = $props
WITH n SET n.day = date($day), n.gone = null
RETURN n.ccode AS ccode, n.cinc0 AS cinc0, n.cinc1 AS cinc1, n.cinc AS cinc, n.name AS name, n.partial AS partial,
       n.ints AS ints, n.floats AS floats, n.day AS day, n.gone AS gone, n.never AS never`;
const read = `MATCH (n:ValueProbe)
RETURN n.ccode AS ccode, n.cinc0 AS cinc0, n.cinc1 AS cinc1, n.cinc AS cinc, n.day AS day, n.ints AS ints, n.floats AS floats,
       n.cinc1 * 2 AS doubled, n.ccode + 1 AS next, toFloat(n.cinc1) AS asFloat, n.day.year AS year, size(n.floats) AS count,
       [x IN n.ints WHERE x > 1] AS some, null AS nothing, [1, null, 'a'] AS mixed, 9007199254740993 AS big,
       date('1815-06-09') AS waterloo, n.day < date('1900-01-01') AS before1900`;

async function roundTrip(store: GraphStore, params: Params) {
  const written = await store.write(write, params, 'value-probe');
  const rows = await store.read(read, {}, 'value-probe');
  return { written, rows };
}

describe.skipIf(neo4jSkipReason !== null)(title, () => {
  it('integers, whole floats, dates, partial dates, lists and nulls come back identical from both stores', async () => {
    const params = { props, day: '1815-06-09' };
    const neo = await emptyNeo4j();
    const grafeo = await emptyGrafeo();
    const onNeo4j = await roundTrip(neo.store, params);
    const onGrafeo = await roundTrip(grafeo.store, params);
    expect(onNeo4j).toEqual(onGrafeo);
    // Byte-identical JSON too (same column order, same number rendering).
    expect(JSON.stringify(onNeo4j)).toBe(JSON.stringify(onGrafeo));
    expect(onNeo4j.rows[0]).toMatchObject({
      ccode: 200,
      cinc0: 0,
      cinc1: 1,
      cinc: 0.0123,
      day: '1815-06-09',
      floats: [0, 0.5, 1],
      big: '9007199254740993',
    });
    await neo.store.close();
  });

  it('stores whole numbers as integers on both stores (a JS 1 and 1.0 are one value): arithmetic agrees', async () => {
    const neo = await emptyNeo4j();
    const grafeo = await emptyGrafeo();
    const q =
      'CREATE (n:ValueProbe {whole: $whole, half: $half}) RETURN n.whole / 2 AS intDivision, n.half / 2 AS floatDivision, toFloat(n.whole) / 2 AS asFloat';
    const params = { whole: 1, half: 0.5 };
    expect(await neo.store.write(q, params, 'value-probe')).toEqual(await grafeo.store.write(q, params, 'value-probe'));
    await neo.store.close();
  });
});
