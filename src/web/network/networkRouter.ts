/**
 * The network page at /network: Cytoscape.js (its UMD bundle straight out of node_modules, like the
 * explorer's GraphiQL) draws `/export/cytoscape?at=…` — states sized by CINC, major powers marked,
 * alliance ties coloured by obligation, negotiations as a switchable layer (failed ones dashed).
 * No CDN, no build step: index.html and network.js are served as they are.
 * Its detail links open the explorer at `/?query=…&variables=…` with the query behind them.
 */
import { join } from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../../paths.js';
import { packageFile } from '../packageFile.js';
import { NETWORK_QUERIES } from './queries.js';

const DIR = join(projectRoot, 'src', 'web', 'network');

export function networkRouter(): Router {
  const router = express.Router();
  const files: Record<string, { path: string; type: string }> = {
    'cytoscape.min.js': { path: packageFile('cytoscape', 'dist/cytoscape.min.js'), type: 'js' },
    'network.js': { path: join(DIR, 'network.js'), type: 'js' },
    'network.css': { path: join(DIR, 'network.css'), type: 'css' },
  };
  router.get('/network', (_req, res) => { res.sendFile(join(DIR, 'index.html')); });
  router.get('/network/queries.json', (_req, res) => { res.json(NETWORK_QUERIES); });
  for (const [name, f] of Object.entries(files)) {
    router.get(`/network/${name}`, (_req, res) => { res.type(f.type).sendFile(f.path); });
  }
  return router;
}
