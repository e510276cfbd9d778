/**
 * Writes the model's robustness table into README.md (`<!-- figures:robustness -->`), computed on the
 * record with the published data sets, as `npm run evaluate` prints it. Checked by
 * test/drift/robustnessFigures.test.ts.
 *
 *   npx tsx scripts/renderRobustness.ts
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { seededAndImported } from '../test/helpers/fullGraph.js';
import { readReadme, robustnessBlock, ROBUSTNESS_FILE, withBlock } from '../test/helpers/robustnessFigures.js';

const executor = await seededAndImported();
const block = await robustnessBlock(executor);
const before = readReadme();
const after = withBlock(before, block);
writeFileSync(join(projectRoot, ROBUSTNESS_FILE), after);
console.log(before === after ? `${ROBUSTNESS_FILE} already current` : `${ROBUSTNESS_FILE} written`);
console.log(block);
await executor.store.close();
