/**
 * graph/queries.md (which Cypher files each example and traversal runs, its round trips) is current.
 * The files must be exactly those listed. A round-trip count may differ from the committed one by one:
 * whether two resolvers' loads of the same loader (e.g. `statesByCcodes`) fall into one batch depends
 * on whether their parents' reads, which the embedded store answers off the main thread, complete in
 * the same tick (StickingPoints makes 13 or 14 round trips from run to run on the same data).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { buildQueryMap, queryMapFile, regenerateCommand, renderQueryMap } from '../helpers/queryMap.js';

const ROUND_TRIPS = /(\d+) round trips?/g;
const masked = (text: string) => text.replace(ROUND_TRIPS, '# round trips');
const counts = (line: string) => [...line.matchAll(ROUND_TRIPS)].map((m) => Number(m[1]));

describe('query map', () => {
  it(`${queryMapFile} lists the Cypher files and round trips of each example and traversal (regenerate: ${regenerateCommand})`, async () => {
    const entries = await buildQueryMap();
    expect(entries.length).toBeGreaterThan(10);
    for (const e of entries) expect(e.files.length, e.name).toBeGreaterThan(0);
    let committed = '';
    try {
      committed = readFileSync(join(projectRoot, queryMapFile), 'utf8');
    } catch {
      /* missing: fails below */
    }
    const rendered = renderQueryMap(entries);
    expect(masked(committed), `${queryMapFile} is stale: run ${regenerateCommand}`).toBe(masked(rendered));
    const now = rendered.split('\n');
    committed.split('\n').forEach((line, i) => {
      const [a, b] = [counts(line), counts(now[i]!)];
      a.forEach((n, k) =>
        expect(
          Math.abs(n - b[k]!),
          `${queryMapFile} line ${i + 1}: ${n} round trips committed, ${b[k]} now (run ${regenerateCommand})`,
        ).toBeLessThanOrEqual(1),
      );
    });
  }, 180_000);
});
