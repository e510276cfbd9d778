/**
 * `GET /export/<format>?at=YYYY-MM-DD` or `?from=…&to=…` (see ./index.ts for the formats and
 * options). Bad parameters answer 400 `{error, code: 'BAD_USER_INPUT'}` before anything is written;
 * the body is then streamed (the dyad-year CSV chunk by chunk).
 *
 * Exports are the heaviest requests: at most `maxConcurrent` run at once (more get 429
 * TOO_MANY_REQUESTS with Retry-After); each has the request deadline (`timeoutMs`: 503 TIMEOUT if
 * nothing was written yet, else the connection is cut) and stops its store calls when the client
 * goes away; cross-site requests are refused unless their origin is in `corsOrigins` (../cors.ts).
 * Every answer carries the record's release version in the `Alliance-Graph-Release` header.
 */
import express, { type Router } from 'express';
import type { Logger } from '../logger.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { Slots } from '../limits/concurrency.js';
import { answerExportError, parseOr400, startExport } from './exportSlot.js';
import { cors, refuseCrossSite } from '../cors.js';
import { methodNotAllowed } from '../httpErrors.js';
import { CONTENT_TYPES, exportFileName, parseExportRequest, runExport } from './index.js';
import { optionsSeriesHandler } from './optionsSeries.export.js';
import { RELEASE_HEADER, releaseInfo } from '../releaseInfo.js';

export interface ExportRouterOptions {
  maxConcurrent?: number;
  timeoutMs?: number;
  corsOrigins?: readonly string[];
}

export function exportRouter(executor: QueryExecutor, logger?: Logger, options: ExportRouterOptions = {}): Router {
  const { maxConcurrent = 1, timeoutMs = 10_000, corsOrigins = [] } = options;
  const slots = new Slots(maxConcurrent);
  const retryAfter = Math.max(1, Math.ceil(timeoutMs / 2000));
  const router = express.Router();
  router.use('/export', cors(corsOrigins, ['GET']), refuseCrossSite(corsOrigins), (_req, res, next) => {
    // The record's release on every export, whatever the format (a CSV has no place for it inside).
    res.setHeader(RELEASE_HEADER, releaseInfo().version);
    next();
  });
  router.get('/export/options-series', optionsSeriesHandler(executor, { slots, timeoutMs, retryAfter, logger }));
  router.get('/export/:format', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const request = parseOr400(res, () =>
      parseExportRequest(req.params.format, {
        at: q.at,
        from: q.from,
        to: q.to,
        negotiations: q.negotiations,
        directed: q.directed,
      }),
    );
    if (!request) return;
    const ex = startExport(executor, req, res, { slots, timeoutMs, retryAfter, logger });
    if (!ex) return;
    const t0 = performance.now();
    res.status(200).type(CONTENT_TYPES[request.format]);
    if (req.query.download !== undefined) res.attachment(exportFileName(request));
    try {
      await runExport(ex, request, res);
      logger?.info({ export: request.format, ms: Math.round(performance.now() - t0) }, 'export');
    } catch (e) {
      answerExportError(e, res, { name: request.format, retryAfter, logger });
    }
  });
  router.all('/export/:format', methodNotAllowed(['GET']));
  return router;
}
