/**
 * The server as a separate process for scripts/load.ts (so that /healthz latency is measured from
 * outside its event loop): the fixture store (seed, or seed + published data with --full), limits
 * and policy from the environment like `npm start` (loadConfig), a free loopback port. Prints
 * `{"url": ...}` on one line when listening.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { openFixture } from './fixture.js';

const cfg = loadConfig();
const executor = await openFixture(process.argv.includes('--full'));
const server = await startServer({ executor, limits: cfg.limits, policy: cfg.server, port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url: server.url }));
process.on('SIGTERM', () => { void server.stop().then(() => process.exit(0)); });
