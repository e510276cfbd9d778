/**
 * Security headers on every response (issue 28 §6). The pages are served from local files only
 * (no CDN, src/web/README.md), so the Content-Security-Policy allows this origin alone: scripts and
 * connections to 'self', no plugins, no <base> rewriting, forms to 'self', and no framing by another
 * site (`frame-ancestors 'none'`, and X-Frame-Options for older browsers). Styles also allow inline
 * `style` attributes and the explorer's one <style> element ('unsafe-inline' for styles only: the
 * network page's legend swatches; GraphiQL and Cytoscape set styles from script); GraphiQL's
 * stylesheet embeds its fonts and icons as data: URLs. `nosniff` stops a browser from running a
 * JSON or CSV answer as a script; `Referrer-Policy` keeps a page's query string (a linked GraphQL
 * operation) from leaving the site.
 */
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  next();
};
