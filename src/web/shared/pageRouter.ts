/**
 * Serves one browser page from local files (no CDN, no build step): its index.html at `path`, its
 * GraphQL operations at `path`/queries.json, the shared frame and helpers (`page.css`, `page.js` of
 * this folder) and its own files below `path`. Every page gets the shared files below its own path,
 * so that a page needs nothing from another page's router.
 */
import { extname, join } from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../../paths.js';

const SHARED_DIR = join(projectRoot, 'src', 'web', 'shared');

export interface PageRouterOptions {
  /** Where the page is served, e.g. `/network`. */
  path: string;
  /** The folder holding its index.html. */
  dir: string;
  /** Its own files, served at `path`/name: name → file on disk (the content type follows the name's extension). */
  files: Record<string, string>;
  /** Its GraphQL operations by name, served as JSON at `path`/queries.json. */
  queries: Readonly<Record<string, string>>;
}

export function pageRouter(options: PageRouterOptions): Router {
  const router = express.Router();
  const files: Record<string, string> = {
    'page.js': join(SHARED_DIR, 'page.js'),
    'page.css': join(SHARED_DIR, 'page.css'),
    ...options.files,
  };
  router.get(options.path, (_req, res) => {
    res.sendFile(join(options.dir, 'index.html'));
  });
  router.get(`${options.path}/queries.json`, (_req, res) => {
    res.json(options.queries);
  });
  for (const [name, file] of Object.entries(files)) {
    router.get(`${options.path}/${name}`, (_req, res) => {
      res.type(extname(name)).sendFile(file);
    });
  }
  return router;
}
