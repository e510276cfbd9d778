/**
 * Writes the reliability and locator figures (the blind second coding's agreement, the share of
 * citations with a checkable locator) into the `<!-- figures:reliability -->` blocks of README.md and
 * docs/codebook.md, computed from the record. test/seed/reliabilityFigures.test.ts checks they are current.
 *
 *   npx tsx scripts/renderReliability.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, seedDir } from '../src/paths.js';
import { readSeedDir } from '../src/seed/readSeedDir.js';
import {
  FIGURE_FILES,
  readProjectFile,
  reliabilityFigures,
  renderReliabilityFigures,
  withFigures,
} from '../test/helpers/reliabilityFigures.js';

const figures = reliabilityFigures(readSeedDir(seedDir));
const block = renderReliabilityFigures(figures);
for (const file of FIGURE_FILES) {
  const before = readProjectFile(file);
  const after = withFigures(before, block);
  writeFileSync(join(projectRoot, file), after);
  console.log(before === after ? `${file} already current` : `${file} written`);
}
console.log(block);
