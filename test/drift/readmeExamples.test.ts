/** The README's example queries return, today, exactly the output the README shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { readExamples } from '../../src/web/explorer.js';
import { renderExampleBlocks } from '../helpers/readmeExamples.js';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi } from '../helpers/testApi.js';

describe('README examples', () => {
  it('show the real output of each query (regenerate: npx tsx scripts/renderReadmeExamples.ts)', async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/<!-- example:\w+ -->/);
    expect(await renderExampleBlocks(readme)).toBe(readme);
  });

  it('every operation of examples.graphql (the explorer tabs) runs without errors', async () => {
    const api = await createTestApi(await seededEmbedded());
    for (const e of readExamples()) {
      const r = await api.run(e.query, e.variables ? JSON.parse(e.variables) as Record<string, unknown> : undefined);
      expect(r.errors, e.name).toBeUndefined();
    }
  });
});
