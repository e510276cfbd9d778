import { AppError } from './AppError.js';

/** The request ran past its deadline (REQUEST_TIMEOUT_MS): no further store call was started. */
export class TimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super({
      code: 'TIMEOUT',
      message: `The request took longer than ${timeoutMs} ms (REQUEST_TIMEOUT_MS) and was stopped. Ask for less (fewer aliases, smaller windows or pages).`,
      details: { timeoutMs },
      retryAfter: Math.max(1, Math.ceil(timeoutMs / 1000)),
    });
    this.name = 'TimeoutError';
  }
}

/** The client went away before the answer was ready: the work was stopped. */
export class CancelledError extends AppError {
  constructor() {
    super({ code: 'CANCELLED', message: 'The client closed the connection; the request was stopped.' });
    this.name = 'CancelledError';
  }
}

/** Every slot for this kind of work is taken: retry later. */
export class TooManyRequestsError extends AppError {
  constructor(what: string, limit: number, retryAfter: number, setting: string) {
    super({
      code: 'TOO_MANY_REQUESTS',
      message: `The server is already running ${limit} ${what} (${setting}); retry in ${retryAfter} s.`,
      details: { limit, retryAfter },
      retryAfter,
    });
    this.name = 'TooManyRequestsError';
  }
}

/** A mutation or subscription: this API is read-only over GraphQL. */
export class OperationNotSupportedError extends AppError {
  constructor(operation: string) {
    super({
      code: 'OPERATION_NOT_SUPPORTED',
      message: `This API answers queries only; ${operation} operations are not supported.`,
      details: { operation },
    });
    this.name = 'OperationNotSupportedError';
  }
}

/** A document over one of the size limits (MAX_DEPTH, MAX_ALIASES, MAX_COST ...): refused before it runs. */
export class LimitExceededError extends AppError {
  constructor(message: string, limit: string, details: Record<string, unknown> = {}) {
    super({ code: 'GRAPHQL_VALIDATION_FAILED', message, details: { limit, ...details } });
    this.name = 'LimitExceededError';
  }
}

/**
 * The result outgrew the response budget (MAX_RESPONSE_NODES, MAX_RESPONSE_BYTES) while it was being
 * built: the request was stopped there. Asking again the same way fails the same way.
 */
export class ResponseTooLargeError extends AppError {
  constructor(what: 'nodes' | 'bytes', limit: number, setting: string) {
    super({
      code: 'RESPONSE_TOO_LARGE',
      message: `The response passed ${limit} ${what} (${setting}) and was stopped. Ask for less: smaller pages, fewer aliases or nested lists.`,
      details: { limit: setting, [what === 'nodes' ? 'maxNodes' : 'maxBytes']: limit },
    });
    this.name = 'ResponseTooLargeError';
  }
}

/** The server's heap is past its share (MAX_HEAP_SHARE): the request was refused or stopped; retry later. */
export class OverloadedError extends AppError {
  constructor(heapUsedMb: number, limitMb: number, retryAfter: number) {
    super({
      code: 'OVERLOADED',
      message: `The server is short of memory (${heapUsedMb} MB of heap in use, the limit is ${limitMb} MB: MAX_HEAP_SHARE); retry in ${retryAfter} s.`,
      details: { limit: 'MAX_HEAP_SHARE', retryAfter },
      retryAfter,
    });
    this.name = 'OverloadedError';
  }
}
