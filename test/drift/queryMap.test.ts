/** graph/queries.md (which Cypher files each example and traversal runs, its round trips) is current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { buildQueryMap, queryMapFile, regenerateCommand, renderQueryMap } from '../helpers/queryMap.js';

describe('query map', () => {
  it(`${queryMapFile} lists the Cypher files and round trips of each example and traversal (regenerate: ${regenerateCommand})`, async () => {
    const entries = await buildQueryMap();
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) expect(e.files.length, e.name).toBeGreaterThan(0);
    let committed = '';
    try { committed = readFileSync(join(projectRoot, queryMapFile), 'utf8'); } catch { /* missing: fails below */ }
    expect(committed, `${queryMapFile} is stale: run ${regenerateCommand}`).toBe(renderQueryMap(entries));
  }, 180_000);
});
