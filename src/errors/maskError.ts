/**
 * Apollo `formatError` hook: lets through our `AppError`s and graphql-js's own errors (syntax,
 * validation, input coercion), and masks everything else as "Unexpected error." so that stack
 * traces, file paths and store internals never reach a client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from './AppError.js';

const PASS_THROUGH = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

export function maskError(formatted: GraphQLFormattedError, error: unknown, onMasked?: (e: unknown) => void): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return { ...formatted, message: original.message, extensions: { ...original.extensions } };
  }
  // A scalar's parse error surfaces inside a validation error: keep graphql-js's message (it names
  // the argument) and give it our code.
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  if (cause instanceof AppError) {
    return { ...formatted, extensions: { ...cause.extensions } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) return { ...formatted, extensions: withoutStacktrace(formatted.extensions) };
  onMasked?.(original);
  return { message: 'Unexpected error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function withoutStacktrace(ext: GraphQLFormattedError['extensions']): Record<string, unknown> | undefined {
  if (!ext) return undefined;
  const { stacktrace: _omit, ...rest } = ext as Record<string, unknown>;
  return rest;
}
