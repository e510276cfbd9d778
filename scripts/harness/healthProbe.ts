/**
 * A /healthz probe in its own process (so that the latency it sees is the server's, not a busy
 * measuring loop's): `node --import tsx scripts/harness/healthProbe.ts URL [intervalMs]` asks for
 * `URL` (the server's `/healthz`) on one kept-alive connection, one request at a time, a new one
 * `intervalMs` (default 10) after the previous one was sent or as soon as it is answered if that took
 * longer. Prints one line per answer, `<epoch ms when sent> <ms until the body was read>`, the epoch
 * with sub-millisecond digits (`performance.timeOrigin + performance.now()`), so that the process that
 * reads the lines can keep the answers of a window it timed with the same clock. Stops on SIGTERM or
 * when its standard input closes.
 */
import { Agent, get } from 'node:http';
import { assertLoopback } from './check.js';

const url = process.argv[2];
const interval = Number(process.argv[3] ?? '10');
if (!url) throw new Error('usage: healthProbe.ts URL [intervalMs]');
assertLoopback(url);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const epoch = () => performance.timeOrigin + performance.now();
let stopping = false;
process.on('SIGTERM', () => (stopping = true));
process.stdin.on('end', () => (stopping = true));
process.stdin.resume();

const once = () =>
  new Promise<number>((resolve, reject) => {
    const t = performance.now();
    get(url, { agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () =>
        res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`HTTP ${res.statusCode}`)),
      );
    }).on('error', reject);
  });

while (!stopping) {
  const sent = epoch();
  const ms = await once();
  process.stdout.write(`${sent.toFixed(3)} ${ms.toFixed(3)}\n`);
  const wait = interval - (epoch() - sent);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
agent.destroy();
process.exit(0);
