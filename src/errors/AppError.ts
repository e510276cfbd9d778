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
  | 'INTERNAL_SERVER_ERROR';

export interface AppErrorOptions {
  code: AppErrorCode;
  message: string;
  /** Extra fields for `extensions` (e.g. the argument at fault); never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends GraphQLError {
  readonly code: AppErrorCode;
  constructor({ code, message, details, cause }: AppErrorOptions) {
    super(message, { extensions: { code, ...details }, originalError: cause instanceof Error ? cause : undefined });
    this.code = code;
    this.name = 'AppError';
  }
}
