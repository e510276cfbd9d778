/** The README's robustness table is the one the record gives now (regenerate: scripts/renderRobustness.ts). */
import { describe, expect, it } from 'vitest';
import { seededAndImported } from '../helpers/fullGraph.js';
import { hasSharedData } from '../helpers/sharedData.js';
import { committedBlock, readReadme, robustnessBlock, robustnessCommand } from '../helpers/robustnessFigures.js';

describe('README robustness table', () => {
  it.skipIf(!hasSharedData)(
    'matches the model refitted on the record',
    async () => {
      const block = await robustnessBlock(await seededAndImported());
      expect(committedBlock(readReadme()), `README.md is stale: run ${robustnessCommand}`).toBe(block);
    },
    600_000,
  );
});
