/**
 * The start every export request shares: a concurrency slot (else 429 with `Retry-After`), the
 * request's deadline with client-disconnect cancellation, and a per-request executor bound to it.
 * Used by exportRouter's `/export/:format` and by the options-series handler, with `parseOr400`
 * for their query strings.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { Slots } from '../limits/concurrency.js';
import { requestDeadline } from '../limits/deadline.js';
import { AppError } from '../errors/index.js';

/**
 * The parsed request, or undefined after answering 400 with the message when `parse` rejects it
 * as the client's mistake (`BAD_USER_INPUT`); any other error is thrown on.
 */
export function parseOr400<T>(res: Response, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    if (e instanceof AppError && e.code === 'BAD_USER_INPUT') { res.status(400).json({ error: e.message, code: e.code }); return undefined; }
    throw e;
  }
}

export interface ExportSlotOptions { slots: Slots; timeoutMs: number; retryAfter: number }

/** The request's executor once a slot is taken (released when the response closes), or null after answering 429. */
export function startExport(executor: QueryExecutor, req: Request, res: Response, { slots, timeoutMs, retryAfter }: ExportSlotOptions): QueryExecutor | null {
  const release = slots.tryAcquire();
  if (!release) {
    res.status(429).setHeader('retry-after', String(retryAfter));
    res.json({ error: `The server is already running ${slots.max} export(s) (MAX_CONCURRENT_EXPORTS); retry in ${retryAfter} s.`, code: 'TOO_MANY_REQUESTS' });
    return null;
  }
  const deadline = requestDeadline(timeoutMs, req, res);
  res.once('close', () => { deadline.dispose(); release(); });
  return executor.forRequest(req.get('x-request-id')?.slice(0, 100) ?? randomUUID(), [], deadline.signal);
}
