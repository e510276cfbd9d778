/**
 * The outside-options page at /options?state=200&from=1815&to=2018&step=YEAR (from and to default
 * to the years of the data): a line chart, in plain SVG drawn by options.js (no library, no CDN,
 * no build step), of a state's outside options over time — overall and its three parts — with the
 * eras shaded and named and the state's negotiations marked (a click opens the explorer with the
 * query behind the mark). The data come from one POST to /graphql (`OPTIONS_QUERIES.series`); the
 * CSV link is /export/options-series. Served by `pageRouter`, with the shared page.js and page.css.
 */
import { join } from 'node:path';
import type { Router } from 'express';
import { projectRoot } from '../../paths.js';
import { pageRouter } from '../shared/pageRouter.js';
import { OPTIONS_QUERIES } from './queries.js';

const DIR = join(projectRoot, 'src', 'web', 'options');

export function optionsRouter(): Router {
  return pageRouter({
    path: '/options',
    dir: DIR,
    files: { 'options.js': join(DIR, 'options.js'), 'options.css': join(DIR, 'options.css') },
    queries: OPTIONS_QUERIES,
  });
}
