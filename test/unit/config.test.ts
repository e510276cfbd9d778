import { describe, expect, it } from 'vitest';
import { isAbsolute } from 'node:path';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      store: 'embedded',
      limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100 },
    });
    expect(isAbsolute(c.dataDir)).toBe(true);
  });

  it('honours PORT, DATA_DIR, STORE and limits', () => {
    const c = loadConfig({
      PORT: '5001',
      DATA_DIR: '/srv/graph',
      STORE: 'neo4j',
      NEO4J_URI: 'neo4j://db:7687',
      MAX_PAGE_SIZE: '50',
    });
    expect(c).toMatchObject({
      port: 5001,
      dataDir: '/srv/graph',
      store: 'neo4j',
      neo4j: { uri: 'neo4j://db:7687' },
      limits: { maxPageSize: 50 },
    });
  });

  it('the response budget and the heap share: defaults, overrides, nonsense refused', () => {
    const c = loadConfig({});
    expect(c.limits).toMatchObject({ maxResponseNodes: 100_000, maxResponseBytes: 10_000_000 });
    expect(c.server.maxHeapShare).toBe(0.75);
    const d = loadConfig({ MAX_RESPONSE_NODES: '5000', MAX_RESPONSE_BYTES: '200000', MAX_HEAP_SHARE: '0.5' });
    expect(d.limits).toMatchObject({ maxResponseNodes: 5000, maxResponseBytes: 200_000 });
    expect(d.server.maxHeapShare).toBe(0.5);
    for (const bad of ['0', '1.5', 'half', '-0.2'])
      expect(() => loadConfig({ MAX_HEAP_SHARE: bad })).toThrow(/MAX_HEAP_SHARE/);
    expect(() => loadConfig({ MAX_RESPONSE_NODES: '0' })).toThrow(/MAX_RESPONSE_NODES/);
  });

  it('rejects nonsense with the variable named', () => {
    expect(() => loadConfig({ STORE: 'mysql' })).toThrow(/STORE must be/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ MAX_DEPTH: '0' })).toThrow(/MAX_DEPTH/);
  });
});
