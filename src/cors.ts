/**
 * CORS by allow-list (CORS_ORIGINS, default none): a page on a listed origin (a notebook, a D3 or
 * Cytoscape app) may read /graphql and /export/*; every other origin gets no CORS headers, so its
 * browser keeps the answer from it. CSRF prevention on /graphql is Apollo's and stays on: a listed
 * origin's requests carry `content-type: application/json` or `apollo-require-preflight`, hence a
 * preflight, answered here.
 *
 * `refuseCrossSite` protects the exports (plain GETs, which a cross-site `<img>` or `fetch` in
 * no-cors mode could start): a request the browser marks `Sec-Fetch-Site: cross-site` or
 * `same-site`, or that carries a foreign `Origin`, is refused with 403 unless its origin is listed.
 * A top-level navigation (a download link the user clicked) and non-browser clients (no such
 * headers) are let through.
 */
import type { Request, RequestHandler } from 'express';
import { sendError } from './httpErrors.js';

const ALLOW_HEADERS = 'content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';

export function originAllowed(origin: string | undefined, allowList: readonly string[]): boolean {
  return !!origin && (allowList.includes('*') || allowList.includes(origin));
}

export function cors(allowList: readonly string[], methods: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (originAllowed(origin, allowList)) {
      res.setHeader('access-control-allow-origin', origin!);
      res.setHeader('access-control-expose-headers', 'retry-after, content-disposition, alliance-graph-release');
    }
    if (req.method === 'OPTIONS') {
      if (originAllowed(origin, allowList)) {
        res.setHeader('access-control-allow-methods', methods.join(', '));
        res.setHeader('access-control-allow-headers', ALLOW_HEADERS);
        res.setHeader('access-control-max-age', '600');
      }
      res.setHeader('allow', [...methods, 'OPTIONS'].join(', '));
      res.status(204).end();
      return;
    }
    next();
  };
}

function sameOrigin(req: Request, origin: string): boolean {
  const host = req.get('host');
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}

export function refuseCrossSite(allowList: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (originAllowed(origin, allowList)) {
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    const navigate = req.get('sec-fetch-mode') === 'navigate';
    const foreignOrigin = !!origin && origin !== 'null' ? !sameOrigin(req, origin) : origin === 'null';
    if (((site === 'cross-site' || site === 'same-site') && !navigate) || foreignOrigin) {
      sendError(
        req,
        res,
        403,
        'FORBIDDEN',
        "Cross-site requests to the exports are refused; list the page's origin in CORS_ORIGINS to allow it.",
      );
      return;
    }
    next();
  };
}
