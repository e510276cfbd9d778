/**
 * The one error class clients see. Every error that reaches a GraphQL response is an `AppError`
 * (or one of graphql-js's own validation errors); anything else is masked by `maskError`.
 */
import { GraphQLError } from 'graphql';

/** The closed set of codes this API puts in `extensions.code`. */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'STORE_UNAVAILABLE'
  | 'STORE_ERROR'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'TOO_MANY_REQUESTS'
  | 'RESPONSE_TOO_LARGE'
  | 'OVERLOADED'
  | 'OPERATION_NOT_SUPPORTED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * The HTTP status of a response refused with this code before execution started (Apollo reads
 * `extensions.http`; `maskError` removes it from what the client sees). Once execution started the
 * status is 200 whatever the codes (`useStatusByPhase`). Codes not listed leave the status to Apollo.
 */
const HTTP_STATUS: Partial<Record<AppErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  OPERATION_NOT_SUPPORTED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  TOO_MANY_REQUESTS: 429,
  RESPONSE_TOO_LARGE: 400,
  OVERLOADED: 503,
  STORE_UNAVAILABLE: 503,
  TIMEOUT: 503,
};

export interface AppErrorOptions {
  code: AppErrorCode;
  message: string;
  /** Extra fields for `extensions` (e.g. the argument at fault); never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Seconds after which the client may retry (sets `Retry-After`). */
  retryAfter?: number;
}

export class AppError extends GraphQLError {
  readonly code: AppErrorCode;
  constructor({ code, message, details, cause, retryAfter }: AppErrorOptions) {
    const status = HTTP_STATUS[code];
    const http =
      status === undefined
        ? undefined
        : {
            status,
            headers: new Map<string, string>(retryAfter === undefined ? [] : [['retry-after', String(retryAfter)]]),
          };
    super(message, {
      extensions: { code, ...details, ...(http ? { http } : {}) },
      originalError: cause instanceof Error ? cause : undefined,
    });
    this.code = code;
    this.name = 'AppError';
  }

  /** The HTTP status for this error (as put in `extensions.http`), 500 if none. */
  get httpStatus(): number {
    return HTTP_STATUS[this.code] ?? 500;
  }
}
