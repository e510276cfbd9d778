/**
 * The server as a separate process for scripts/load.ts (so that /healthz latency is measured from
 * outside its event loop): the fixture store (seed, or seed + published data with --full), limits
 * and policy from the environment like `npm start` (loadConfig; PREFIT, READ_CACHE: see below), a free loopback port. Prints
 * `{"url": ...}` on one line when listening.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { openFixture } from './fixture.js';

const cfg = loadConfig();
const dirArg = process.argv.indexOf('--data-dir');
const executor = await openFixture(process.argv.includes('--full'), dirArg > 0 ? process.argv[dirArg + 1] : undefined);
// PREFIT=1/0 and READ_CACHE=0 override the server's defaults (model fitted at start in production; read cache on).
const flag = (v: string | undefined) => (v === '1' ? true : v === '0' ? false : undefined);
const server = await startServer({
  executor,
  limits: cfg.limits,
  policy: cfg.server,
  port: 0,
  host: '127.0.0.1',
  prefitModel: flag(process.env.PREFIT),
  readCache: flag(process.env.READ_CACHE),
});
console.log(JSON.stringify({ url: server.url }));
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
