/**
 * The stores' bulk path (`GraphStore.bulk`, for synthetic graphs): nodes and relationships come back
 * as the ordinary writes leave them, dates as Cypher dates (compared and taken apart as `date($iso)`
 * gives them), integers as integers, lists as lists, nulls left out. test/neo4j/bulk.neo4j.test.ts
 * runs the same on Neo4j beside Grafeo.
 */
import { describe, expect, it } from 'vitest';
import { GrafeoStore } from '../../src/store/GrafeoStore.js';
import { bulkRoundTrip, dates, expected } from '../helpers/bulkProbe.js';

describe('GrafeoStore.bulk', () => {
  it('writes nodes and relationships with dates, integers, lists; nulls left out', async () => {
    const store = GrafeoStore.open();
    expect(await bulkRoundTrip(store)).toEqual(expected);
    await store.close();
  });
  it('refuses on a closed store', async () => {
    const store = GrafeoStore.open();
    await store.close();
    await expect(store.bulk.createNodes([{ label: 'Probe', props: {} }], dates)).rejects.toThrow(/closed/);
  });
});
