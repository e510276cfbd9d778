/**
 * Apollo `formatError` hook: lets through our `AppError`s and graphql-js's own errors (syntax,
 * validation, input coercion), and masks everything else as "Unexpected error." so that stack
 * traces, file paths and store internals never reach a client. `extensions.http` (the status an
 * error asks for) and `extensions.stacktrace` are never sent. With `devErrors` (DEV_ERRORS=1 or
 * NODE_ENV=development) a masked error also carries `extensions.detail`: the error's class and
 * first line, absolute paths replaced by `<path>` — still no stack. Every message and string
 * extension is capped (`echo.ts`): an error never sends back a whole list or string the client sent.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError } from './AppError.js';
import { capExtensions, capMessage } from './echo.js';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Client mistakes that Apollo or graphql-js report as a GraphQLError without a code (Apollo then
 * gives them INTERNAL_SERVER_ERROR), recognised by their exact message: the code they get, and the
 * message sent instead (undefined: graphql-js's own).
 */
const UNCODED_CLIENT_ERRORS: readonly { message: string; code: string; say?: string }[] = [
  {
    message: 'provided sha does not match query',
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
    say: "The persisted query's sha256Hash does not match the query sent with it: send the SHA-256 (hex) of the query text exactly as sent, or the query alone.",
  },
  {
    message: 'Unsupported persisted query version',
    code: 'BAD_REQUEST',
    say: 'Unsupported persisted query version: only version 1 is supported.',
  },
  { message: 'Too many errors processing variables, error limit reached. Execution aborted.', code: 'BAD_USER_INPUT' },
];

/** The client error `error` is, if it is one of UNCODED_CLIENT_ERRORS (raised by the library itself, not by our code). */
function uncodedClientError(error: unknown): (typeof UNCODED_CLIENT_ERRORS)[number] | undefined {
  if (!(error instanceof GraphQLError) || error.originalError) return undefined;
  const code = error.extensions?.code;
  if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return undefined;
  return UNCODED_CLIENT_ERRORS.find((c) => c.message === error.message);
}

export interface MaskOptions {
  devErrors?: boolean;
}

export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onMasked?: (e: unknown) => void,
  options: MaskOptions = {},
): GraphQLFormattedError {
  const masked = maskUncapped(formatted, error, onMasked, options);
  // What the client sent is echoed at most so far (echo.ts), whoever wrote the message.
  return {
    ...masked,
    message: capMessage(masked.message),
    ...(masked.extensions ? { extensions: capExtensions(masked.extensions) } : {}),
  };
}

function maskUncapped(
  formatted: GraphQLFormattedError,
  error: unknown,
  onMasked: ((e: unknown) => void) | undefined,
  options: MaskOptions,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return { ...formatted, message: original.message, extensions: clean(original.extensions) };
  }
  // A scalar's parse error (or one of our validation rules) surfaces inside a graphql-js error:
  // keep graphql-js's message (it names the argument) and give it our code.
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  if (cause instanceof AppError) {
    return { ...formatted, extensions: clean(cause.extensions) };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const extensions = clean(formatted.extensions);
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /more th(?:an|at) (\d+) tokens/.exec(formatted.message) : null;
    if (tokens) {
      return {
        message: `The document has more than ${tokens[1]} tokens, the limit (MAX_TOKENS); parsing stopped. Split it into several requests.`,
        extensions: { code, limit: 'MAX_TOKENS', maxTokens: Number(tokens[1]) },
      };
    }
    if (/Maximum call stack size exceeded/.test(formatted.message)) {
      return {
        message: 'Syntax Error: the document is nested too deeply.',
        locations: formatted.locations,
        extensions: { code, limit: 'MAX_DEPTH' },
      };
    }
    return { ...formatted, extensions };
  }
  const client = uncodedClientError(original);
  if (client) {
    return {
      message: client.say ?? formatted.message,
      locations: formatted.locations,
      extensions: { code: client.code },
    };
  }
  onMasked?.(original);
  const extensions: Record<string, unknown> = { code: 'INTERNAL_SERVER_ERROR' };
  if (options.devErrors && original instanceof Error)
    extensions.detail = redact(`${original.name}: ${original.message.split('\n')[0] ?? ''}`);
  return { message: 'Unexpected error.', locations: formatted.locations, path: formatted.path, extensions };
}

function clean(
  ext: GraphQLFormattedError['extensions'] | Record<string, unknown> | undefined,
): Record<string, unknown> {
  const { stacktrace: _s, http: _h, ...rest } = (ext ?? {}) as Record<string, unknown>;
  return rest;
}

/** Absolute file paths and file URLs out of a message. */
export function redact(text: string): string {
  return text.replace(/file:\/\/\S+/g, '<path>').replace(/(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+){2,}/g, '<path>');
}
