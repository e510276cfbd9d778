/**
 * Runs generated requests against a server (loopback only), `concurrency` at a time, until
 * `count` requests or `timeMs` have passed, each with its own time limit (a request with no answer
 * in `perRequestMs` is a hang). Returns the tally (./check.ts).
 */
import type { GraphQLSchema } from 'graphql';
import { Generator, type FuzzRequest } from './generate.js';
import { assertLoopback, newTally, record, recordHang, recordNetworkError, type Tally } from './check.js';

export interface FuzzOptions {
  url: string;
  schema: GraphQLSchema;
  count: number;
  timeMs: number;
  seed?: number;
  concurrency?: number;
  perRequestMs?: number;
  onProgress?: (done: number) => void;
}

export async function send(base: string, req: FuzzRequest, perRequestMs: number, t: Tally): Promise<void> {
  const url = new URL(req.path, base);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), perRequestMs);
  try {
    const res = await fetch(url, {
      method: req.method,
      headers: req.headers,
      body: req.body as RequestInit['body'],
      signal: controller.signal,
      redirect: 'manual',
    });
    const body = await res.text();
    record(t, {
      label: `${req.method} ${req.path.slice(0, 80)} ${req.label}`,
      status: res.status,
      contentType: res.headers.get('content-type'),
      body,
    });
  } catch (e) {
    if (controller.signal.aborted) recordHang(t, `${req.method} ${req.path.slice(0, 80)} ${req.label}`, perRequestMs);
    else recordNetworkError(t, req.label, e);
  } finally {
    clearTimeout(timer);
  }
}

export async function runFuzz(o: FuzzOptions): Promise<Tally & { ms: number }> {
  assertLoopback(o.url);
  const gen = new Generator(o.schema, o.seed ?? 1);
  const t = newTally();
  const t0 = performance.now();
  let issued = 0;
  const worker = async () => {
    while (issued < o.count && performance.now() - t0 < o.timeMs) {
      issued += 1;
      await send(o.url, gen.request(), o.perRequestMs ?? 15_000, t);
      if (t.requests % 500 === 0) o.onProgress?.(t.requests);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  return { ...t, ms: Math.round(performance.now() - t0) };
}
