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
