/** Rewrites the generated list of the data package's tables in docs/codebook.md §22 (checked by test/drift/releaseDocs.test.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { withCodebookTables } from '../src/release/codebookTables.js';

const file = join(projectRoot, 'docs', 'codebook.md');
writeFileSync(file, withCodebookTables(readFileSync(file, 'utf8')));
console.log(`wrote ${file}`);
