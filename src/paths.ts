/**
 * Where the project's own files are, whether the code runs from `src/` (tsx, vitest) or from the
 * compiled `dist/src/`: the nearest folder above this module holding `package.json`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'cypher'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the project root above ${start}`);
    dir = up;
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const cypherDir = join(projectRoot, 'cypher');
export const graphDir = join(projectRoot, 'graph');
/** The curated seed; SEED_DIR points elsewhere (a copy under review, a test's frozen snapshot). */
export const seedDir = process.env.SEED_DIR ?? join(projectRoot, 'seed');
