/** The example queries of README.md and docs/ return, today, exactly the output they show. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExamples } from '../../src/web/explorer.js';
import { exampleDocuments, renderExampleBlocks } from '../helpers/readmeExamples.js';
import { seededEmbedded } from '../helpers/testStore.js';
import { createTestApi } from '../helpers/testApi.js';
import { hasSharedData, sharedDataSkipReason } from '../helpers/sharedData.js';

describe('README and docs examples', () => {
  it.skipIf(!hasSharedData)(
    `show the real output of each query on what npm start serves (regenerate: npx tsx scripts/renderReadmeExamples.ts)${sharedDataSkipReason ? ` — ${sharedDataSkipReason}` : ''}`,
    async () => {
      let blocks = 0;
      for (const file of exampleDocuments()) {
        const text = readFileSync(file, 'utf8');
        blocks += [...text.matchAll(/<!-- example:\w+ -->/g)].length;
        expect(await renderExampleBlocks(text), file).toBe(text);
      }
      expect(blocks).toBeGreaterThan(5);
    },
    240_000,
  );

  it('every operation of examples.graphql (the explorer tabs) runs on the curated seed without errors', async () => {
    const api = await createTestApi(await seededEmbedded());
    for (const e of readExamples()) {
      const r = await api.run(e.query, e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : undefined);
      expect(r.errors, e.name).toBeUndefined();
    }
  });
});
