/**
 * `GET /export/<format>?at=YYYY-MM-DD` or `?from=…&to=…` (see ./index.ts for the formats and
 * options). Bad parameters answer 400 `{error, code: 'BAD_USER_INPUT'}` before anything is written;
 * the body is then streamed (the dyad-year CSV chunk by chunk).
 */
import express, { type Router } from 'express';
import type { Logger } from '../logger.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { AppError } from '../errors/index.js';
import { CONTENT_TYPES, exportFileName, parseExportRequest, runExport, type ExportRequest } from './index.js';

export function exportRouter(executor: QueryExecutor, logger?: Logger): Router {
  const router = express.Router();
  router.get('/export/:format', async (req, res) => {
    let request: ExportRequest;
    try {
      const q = req.query as Record<string, unknown>;
      request = parseExportRequest(req.params.format, { at: q.at, from: q.from, to: q.to, negotiations: q.negotiations, directed: q.directed });
    } catch (e) {
      if (e instanceof AppError && e.code === 'BAD_USER_INPUT') { res.status(400).json({ error: e.message, code: e.code }); return; }
      throw e;
    }
    const t0 = performance.now();
    res.status(200).type(CONTENT_TYPES[request.format]);
    if (req.query.download !== undefined) res.attachment(exportFileName(request));
    try {
      await runExport(executor, request, res);
      logger?.info({ export: request.format, ms: Math.round(performance.now() - t0) }, 'export');
    } catch (e) {
      logger?.error({ err: e, export: request.format }, 'export failed');
      if (!res.headersSent) { res.status(500).json({ error: 'the export failed', code: 'INTERNAL_SERVER_ERROR' }); return; }
      res.destroy(e as Error);
    }
  });
  return router;
}
