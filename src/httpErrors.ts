/**
 * JSON answers for every HTTP-level error (body parser, 404, 405, 413, 415, anything thrown in a
 * route), never Express's HTML page with a stack. On /graphql the body has the GraphQL shape
 * (`{errors: [{message, extensions: {code}}]}`); elsewhere `{error, code}` as the export routes do.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from './logger.js';

export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'FORBIDDEN'
  | 'INTERNAL_SERVER_ERROR';

export function sendError(
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  const graphql = req.baseUrl === '/graphql' || req.path === '/graphql' || req.originalUrl.startsWith('/graphql');
  res.status(status).json(graphql ? { errors: [{ message, extensions: { code } }] } : { error: message, code });
}

/** body-parser's error types (`err.type`) and what the client is told. */
const BODY_ERRORS: Record<string, [number, HttpErrorCode, string]> = {
  'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON (a JSON object is expected).'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the limit (1 MB).'],
  'charset.unsupported': [415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset: send the body as UTF-8.'],
  'encoding.unsupported': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported Content-Encoding: send the body as identity, gzip or deflate.',
  ],
  'request.aborted': [400, 'BAD_REQUEST', 'The request was aborted before its body was read.'],
  'request.size.invalid': [400, 'BAD_REQUEST', 'The request body is shorter or longer than its Content-Length.'],
  'stream.encoding.set': [500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'],
};

export function jsonErrorHandler(logger?: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const e = err as { type?: string; status?: number; statusCode?: number };
    const known = e.type ? BODY_ERRORS[e.type] : undefined;
    if (known) {
      sendError(req, res, known[0], known[1], known[2]);
      return;
    }
    const status = e.status ?? e.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code =
        status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : status === 404
              ? 'NOT_FOUND'
              : 'BAD_REQUEST';
      sendError(req, res, status, code, status === 404 ? 'Not found.' : 'Bad request.');
      return;
    }
    logger?.error({ err, url: req.originalUrl }, 'unhandled HTTP error');
    sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
  };
}

export const notFound: RequestHandler = (req, res) => {
  sendError(req, res, 404, 'NOT_FOUND', `No route ${req.method} ${req.path.slice(0, 200)}.`);
};

export function methodNotAllowed(allow: string[]): RequestHandler {
  return (req, res) =>
    sendError(req, res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use ${allow.join(' or ')}.`, {
      allow: allow.join(', '),
    });
}
