/**
 * Issue 28 §3: a client that asks for the full directed dyad-year export and never reads held the
 * only export slot for as long as it liked (90 s tested: 9 of 9 other exports got 429). A response
 * that waits for its client to read for REQUEST_TIMEOUT_MS is now ended and its slot freed, and the
 * log says the client stopped reading (info), not an error with a stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../src/server.js';
import { seededAndImported } from '../helpers/fullGraph.js';
import { requireDataOrSkip } from '../helpers/sharedData.js';

requireDataOrSkip();

let server: RunningServer;
const logged: { level: number; msg: string }[] = [];
/** REQUEST_TIMEOUT_MS, the default: the export has read the store and is writing when it stalls. */
const STALL_MS = 10_000;
beforeAll(async () => {
  server = await startServer({
    executor: await seededAndImported(),
    limits: { maxDepth: 8, maxCost: 25000, maxPageSize: 100, requestTimeoutMs: STALL_MS },
    policy: { maxConcurrentExports: 1 },
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
  });
}, 300_000);
afterAll(async () => {
  await server.stop();
});

describe('an export whose client never reads', () => {
  it('the full directed dyad-year export to a client that never reads ends after REQUEST_TIMEOUT_MS of stall, and the slot is free again', async () => {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    await new Promise<void>((r) => socket.once('connect', () => r()));
    // Asks, then never reads: no 'data' listener, the socket stays paused, the kernel buffers fill.
    socket.write(`GET /export/dyad-year?from=1816&to=2018&directed=true HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
    socket.pause();
    socket.on('error', () => undefined);
    const t0 = performance.now();
    // While the stalled export holds the slot, another is refused; once it is ended, one is answered.
    await new Promise((r) => setTimeout(r, 500));
    const during = await fetch(new URL('/export/gexf?from=1815&to=1820', server.url));
    await during.arrayBuffer();
    expect(during.status).toBe(429);
    let freedAfter = -1;
    while (performance.now() - t0 < 90_000) {
      const res = await fetch(new URL('/export/gexf?from=1815&to=1820', server.url));
      await res.arrayBuffer();
      if (res.status === 200) {
        freedAfter = performance.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    socket.destroy();
    console.log(`slot free again after ${Math.round(freedAfter)} ms (stall bound ${STALL_MS} ms)`);
    expect(freedAfter).toBeGreaterThan(STALL_MS);
    expect(freedAfter).toBeLessThan(STALL_MS + 30_000);
    const ended = logged.find((l) => l.msg === 'export ended: the client stopped reading');
    expect(ended?.level).toBe(30); // info
    expect(logged.filter((l) => l.level >= 50)).toEqual([]); // no error logged
  }, 150_000);
});
