/**
 * Runs every operation of src/web/examples.graphql against the curated seed (embedded store, in
 * memory) and writes each real response into README.md between
 * `<!-- example:Name -->` and `<!-- /example:Name -->`. test/drift/readmeExamples checks they agree.
 *
 *   npx tsx scripts/renderReadmeExamples.ts
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { renderExampleBlocks } from '../test/helpers/readmeExamples.js';

const file = join(projectRoot, 'README.md');
const before = readFileSync(file, 'utf8');
const after = await renderExampleBlocks(before);
writeFileSync(file, after);
console.log(before === after ? 'README.md examples already current' : 'README.md examples updated');
