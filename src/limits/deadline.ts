/**
 * The deadline and cancellation of one HTTP request: an AbortSignal that aborts with
 * `TimeoutError` when `timeoutMs` have passed, or with `CancelledError` when the client closes the
 * connection before the response is finished. The executor made for the request (createContext)
 * starts no store call once it is aborted; each throws the reason, a coded error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CancelledError, TimeoutError } from '../errors/index.js';

export interface Deadline {
  signal: AbortSignal;
  /** Stops the timer and the listeners (called when the response is finished). */
  dispose(): void;
}

export function requestDeadline(timeoutMs: number, req?: IncomingMessage, res?: ServerResponse): Deadline {
  const controller = new AbortController();
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
  return { signal: controller.signal, dispose };
}
