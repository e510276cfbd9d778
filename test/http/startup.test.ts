/**
 * Start-up failures are clear and quick: an unreachable Neo4j, a missing password, an embedded
 * database file already in use. Nothing hangs.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, Neo4jStore, GrafeoStore } from '../../src/store/index.js';
import { StoreUnavailableError } from '../../src/errors/index.js';

describe('store start-up errors', () => {
  it('an unreachable Neo4j fails fast with STORE_UNAVAILABLE naming the URI', async () => {
    const t0 = Date.now();
    const err = await Neo4jStore.connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', connectionTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).extensions.code).toBe('STORE_UNAVAILABLE');
    expect((err as Error).message).toMatch(/cannot reach bolt:\/\/127\.0\.0\.1:1/);
    expect(Date.now() - t0).toBeLessThan(15000);
  });

  it('STORE=neo4j without a password is refused before connecting', async () => {
    await expect(openStore({ store: 'neo4j', dataDir: '', neo4j: { uri: 'neo4j://localhost', user: 'neo4j', password: '' } }))
      .rejects.toThrow(/NEO4J_PASSWORD is not set/);
  });

  it('an embedded database already open in this process is reported, not corrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grafeo-lock-'));
    const first = await openStore({ store: 'embedded', dataDir: dir, neo4j: { uri: '', user: '', password: '' } });
    try {
      expect(() => GrafeoStore.open({ path: join(dir, 'alliance.grafeo') })).toThrow(/another server or import using the same DATA_DIR/);
    } finally {
      await first.close();
    }
    const again = GrafeoStore.open({ path: join(dir, 'alliance.grafeo') });
    expect((await again.health()).ok).toBe(true);
    await again.close();
  });
});
