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

  it('rejects nonsense with the variable named', () => {
    expect(() => loadConfig({ STORE: 'mysql' })).toThrow(/STORE must be/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ MAX_DEPTH: '0' })).toThrow(/MAX_DEPTH/);
  });
});
