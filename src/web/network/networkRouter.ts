/**
 * The network page at /network: Cytoscape.js (its UMD bundle straight out of node_modules, like the
 * explorer's GraphiQL) draws `/export/cytoscape?at=…` — states sized by CINC, major powers marked,
 * alliance ties coloured by obligation, negotiations as a switchable layer (failed ones dashed).
 * No CDN, no build step: index.html and network.js are served as they are (by `pageRouter`, with the
 * shared page.js and page.css). Its detail links open the explorer at `/?query=…&variables=…` with
 * the query behind them.
 */
import { join } from 'node:path';
import type { Router } from 'express';
import { projectRoot } from '../../paths.js';
import { packageFile } from '../packageFile.js';
import { pageRouter } from '../shared/pageRouter.js';
import { NETWORK_QUERIES } from './queries.js';

const DIR = join(projectRoot, 'src', 'web', 'network');

export function networkRouter(): Router {
  return pageRouter({
    path: '/network',
    dir: DIR,
    files: {
      'cytoscape.min.js': packageFile('cytoscape', 'dist/cytoscape.min.js'),
      'network.js': join(DIR, 'network.js'),
      'network.css': join(DIR, 'network.css'),
    },
    queries: NETWORK_QUERIES,
  });
}
