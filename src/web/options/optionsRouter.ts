/**
 * The outside-options page at /options?state=200&from=1815&to=1949&step=YEAR: a line chart, in
 * plain SVG drawn by options.js (no library, no CDN, no build step), of a state's outside options
 * over time — overall and its three parts — with the eras shaded and named and the state's
 * negotiations marked (a click opens the explorer with the query behind the mark). The data come
 * from one POST to /graphql (`OPTIONS_QUERIES.series`); the CSV link is /export/options-series.
 */
import { join } from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../../paths.js';
import { OPTIONS_QUERIES } from './queries.js';

const DIR = join(projectRoot, 'src', 'web', 'options');

export function optionsRouter(): Router {
  const router = express.Router();
  const files: Record<string, { path: string; type: string }> = {
    'options.js': { path: join(DIR, 'options.js'), type: 'js' },
    'options.css': { path: join(DIR, 'options.css'), type: 'css' },
  };
  router.get('/options', (_req, res) => { res.sendFile(join(DIR, 'index.html')); });
  router.get('/options/queries.json', (_req, res) => { res.json(OPTIONS_QUERIES); });
  for (const [name, f] of Object.entries(files)) {
    router.get(`/options/${name}`, (_req, res) => { res.type(f.type).sendFile(f.path); });
  }
  return router;
}
