/**
 * Runs the operations of src/web/examples.graphql that README.md and docs/*.md show, on what `npm
 * start` serves (the curated record and the published data sets, embedded store in memory), and
 * writes each real response between `<!-- example:Name -->` and `<!-- /example:Name -->`.
 * test/drift/readmeExamples checks they agree.
 *
 *   npx tsx scripts/renderReadmeExamples.ts
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { exampleDocuments, renderExampleBlocks } from '../test/helpers/readmeExamples.js';

for (const file of exampleDocuments()) {
  const before = readFileSync(file, 'utf8');
  const after = await renderExampleBlocks(before);
  if (after !== before) writeFileSync(file, after);
  console.log(`${relative(projectRoot, file)}: ${before === after ? 'examples already current' : 'examples updated'}`);
}
process.exit(0);
