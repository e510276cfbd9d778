/**
 * The deadline and cancellation of one HTTP request: an AbortSignal that aborts with
 * `TimeoutError` when `timeoutMs` have passed, or with `CancelledError` when the client closes the
 * connection before the response is finished. The executor made for the request (createContext)
 * starts no store call once it is aborted; each throws the reason, a coded error.
 *
 * The timer fires only when the event loop gets a turn; work that runs without one (resolving a
 * large result, scoring) calls `check()` on its way, which aborts at the deadline whether or not the
 * timer has fired yet.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CancelledError, TimeoutError } from '../errors/index.js';

export interface Deadline {
  signal: AbortSignal;
  /** `performance.now()` at which the request times out. */
  expiresAt: number;
  /** Throws the signal's reason once aborted, aborting first (TIMEOUT) if the deadline has passed. */
  check(): void;
  /** Stops the request with `reason` (a budget that ran out): no further store call starts. */
  abort(reason: Error): void;
  /** Stops the timer and the listeners (called when the response is finished). */
  dispose(): void;
}

export function requestDeadline(timeoutMs: number, req?: IncomingMessage, res?: ServerResponse): Deadline {
  const controller = new AbortController();
  const expiresAt = performance.now() + timeoutMs;
  const timer = setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
  timer.unref();
  const onClose = () => {
    if (res && !res.writableFinished) controller.abort(new CancelledError());
    dispose();
  };
  const onAborted = () => {
    controller.abort(new CancelledError());
    dispose();
  };
  function dispose() {
    clearTimeout(timer);
    res?.off('close', onClose);
    req?.off('aborted', onAborted);
  }
  res?.on('close', onClose);
  req?.on('aborted', onAborted);
  return {
    signal: controller.signal,
    expiresAt,
    check() {
      if (!controller.signal.aborted && performance.now() >= expiresAt) controller.abort(new TimeoutError(timeoutMs));
      if (controller.signal.aborted) throw controller.signal.reason;
    },
    abort(reason) {
      if (!controller.signal.aborted) controller.abort(reason);
    },
    dispose,
  };
}
