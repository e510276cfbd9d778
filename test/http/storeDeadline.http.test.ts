/**
 * Issue 28 §5: with Neo4j gone under load, coded 503s arrived 10.0–18.3 s after the request (deadline
 * 10 s): the driver's connection acquisition and retries ran past the request's deadline. A store call
 * now ends at the deadline, whatever the driver is waiting for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import { startServer } from '../../src/server.js';
import { CypherRegistry, Neo4jStore, QueryExecutor } from '../../src/store/index.js';

/** Accepts TCP connections and never answers the Bolt handshake: a Neo4j that hangs. */
let blackHole: Server;
const sockets: Socket[] = [];
let port = 0;
beforeAll(async () => {
  blackHole = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
  port = (blackHole.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => blackHole.close(r));
});

describe('the request deadline bounds the store call', () => {
  it('Neo4j that accepts connections and never answers: the request ends with TIMEOUT (503) at its deadline, not after the driver gives up', async () => {
    // The driver as Neo4jStore.connect configures it (5 s to connect, to acquire, to retry), built
    // without `connect`'s connectivity check, which would wait those 5 s itself.
    const options = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x', connectionTimeoutMs: 5000 };
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      connectionTimeout: 5000,
      connectionAcquisitionTimeout: 5000,
      maxTransactionRetryTime: 5000,
    });
    const NewStore = Neo4jStore as unknown as new (d: typeof driver, o: typeof options) => Neo4jStore;
    const store = new NewStore(driver, options);
    const s = await startServer({
      executor: new QueryExecutor(store, CypherRegistry.load()),
      limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100, requestTimeoutMs: 400 },
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const t0 = performance.now();
      const res = await fetch(new URL('/graphql', s.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ eras { key } }' }),
      });
      const ms = performance.now() - t0;
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(res.status).toBe(503);
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('TIMEOUT');
      expect(ms).toBeGreaterThanOrEqual(350);
      expect(ms).toBeLessThan(400 + 1000); // was 5 s and more: the driver's connection timeout
      expect(sockets.length).toBeGreaterThan(0); // the driver did try the black hole
    } finally {
      await s.stop();
      await driver.close().catch(() => undefined);
    }
  });
});
