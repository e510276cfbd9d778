/**
 * The start every export request shares: a concurrency slot (else 429 with `Retry-After`), the
 * request's deadline with client-disconnect cancellation, and a per-request executor bound to it.
 * Used by exportRouter's `/export/:format` and by the options-series handler, with `parseOr400`
 * for their query strings.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
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
    if (e instanceof AppError && e.code === 'BAD_USER_INPUT') {
      res.status(400).json({ error: e.message, code: e.code });
      return undefined;
    }
    throw e;
  }
}

export interface ExportSlotOptions {
  slots: Slots;
  timeoutMs: number;
  retryAfter: number;
  /** Longest time the response may wait for the client to read (default `timeoutMs`), see `endWhenStalled`. */
  stallMs?: number;
  logger?: Logger;
}

/** How often a response waiting for its client is looked at. */
const STALL_CHECK_MS = 250;

/**
 * Ends the response (freeing its export slot) when it has been waiting for the client to read for
 * `stallMs`: bytes queued and none sent meanwhile. A client that asks for an export and never reads
 * held the only slot for as long as it liked (issue 28 §3: 90 s, 9 of 9 other exports refused); the
 * deadline did not end it, as the writer waits for the pipe to drain and checks nothing. A slow
 * client that keeps reading is not stalled. Past the request's deadline (`overdue` aborted) a response
 * that has sent nothing for `stallMs` is ended too, whatever it waits for: a response whose end never
 * reached the socket (seen when a page asks for an export while it is being left) held the slot for
 * good, and every later export was refused.
 */
function endWhenStalled(res: Response, stallMs: number, overdue: AbortSignal, logger?: Logger): void {
  let sent = -1;
  let since = performance.now();
  const timer = setInterval(() => {
    const socket = res.socket;
    if (!socket || res.writableFinished) return;
    const now = performance.now();
    const waiting = res.writableNeedDrain || socket.writableNeedDrain || socket.writableLength > 0 || overdue.aborted;
    if (!waiting || socket.bytesWritten !== sent) {
      sent = socket.bytesWritten;
      since = now;
      return;
    }
    if (now - since >= stallMs) {
      clearInterval(timer);
      logger?.info({ stalledMs: Math.round(now - since), bytesSent: sent }, 'export ended: the client stopped reading');
      res.destroy();
    }
  }, STALL_CHECK_MS);
  timer.unref();
  res.once('close', () => clearInterval(timer));
}

/** The request's executor once a slot is taken (released when the response closes), or null after answering 429. */
export function startExport(
  executor: QueryExecutor,
  req: Request,
  res: Response,
  { slots, timeoutMs, retryAfter, stallMs = timeoutMs, logger }: ExportSlotOptions,
): QueryExecutor | null {
  const release = slots.tryAcquire();
  if (!release) {
    res.status(429).setHeader('retry-after', String(retryAfter));
    res.json({
      error: `The server is already running ${slots.max} export(s) (MAX_CONCURRENT_EXPORTS); retry in ${retryAfter} s.`,
      code: 'TOO_MANY_REQUESTS',
    });
    return null;
  }
  const deadline = requestDeadline(timeoutMs, req, res);
  res.once('close', () => {
    deadline.dispose();
    release();
  });
  endWhenStalled(res, stallMs, deadline.signal, logger);
  return executor.forRequest(req.get('x-request-id')?.slice(0, 100) ?? randomUUID(), [], deadline.signal);
}

/**
 * The answer to an export that failed after its slot was taken: a client gone (CANCELLED) or a body
 * already begun ends the connection; otherwise a JSON error: the client's mistakes and an unknown
 * key (NOT_FOUND: 404) with their status, TIMEOUT (with `Retry-After`) and STORE_UNAVAILABLE as 503,
 * anything else a masked 500. Failures that are not the client's are logged as errors.
 */
export function answerExportError(
  e: unknown,
  res: Response,
  { name, retryAfter, logger }: { name: string; retryAfter: number; logger?: Logger },
): void {
  const code = e instanceof AppError ? e.code : 'INTERNAL_SERVER_ERROR';
  // The connection closed under the writer (the client went away, or stopped reading and was cut
  // off): a cancellation, not an error with a stack.
  const closed = (e as NodeJS.ErrnoException | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE' || res.destroyed;
  if (code === 'CANCELLED' || (closed && !(e instanceof AppError))) {
    logger?.info({ export: name }, 'export cancelled: client gone');
    res.destroy();
    return;
  }
  const status = code === 'NOT_FOUND' ? 404 : e instanceof AppError ? e.httpStatus : 500;
  if (status >= 500) logger?.error({ err: e, export: name }, 'export failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.removeHeader('content-disposition');
  if (e instanceof AppError && (status < 500 || code === 'TIMEOUT' || code === 'STORE_UNAVAILABLE')) {
    if (code === 'TIMEOUT') res.setHeader('retry-after', String(retryAfter));
    res.status(status).json({ error: e.message, code });
    return;
  }
  res.status(500).json({ error: 'the export failed', code: 'INTERNAL_SERVER_ERROR' });
}
