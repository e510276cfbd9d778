/** The README's example queries return, today, exactly the output the README shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { readExamples } from '../../src/web/explorer.js';
import { renderExampleBlocks } from '../helpers/readmeExamples.js';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi } from '../helpers/testApi.js';
import { hasSharedData, sharedDataSkipReason } from '../helpers/sharedData.js';

describe('README examples', () => {
  it.skipIf(!hasSharedData)(
    `show the real output of each query (regenerate: npx tsx scripts/renderReadmeExamples.ts)${sharedDataSkipReason ? ` — ${sharedDataSkipReason}` : ''}`,
    async () => {
      const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
      expect(readme).toMatch(/<!-- example:\w+ -->/);
      expect(await renderExampleBlocks(readme)).toBe(readme);
    },
    120_000,
  );

  it('every operation of examples.graphql (the explorer tabs) runs on the curated seed without errors', async () => {
    const api = await createTestApi(await seededEmbedded());
    for (const e of readExamples()) {
      const r = await api.run(e.query, e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : undefined);
      expect(r.errors, e.name).toBeUndefined();
    }
  });
});
