/** Writes CITATION.cff from seed/release.yaml and package.json (checked by test/drift/releaseDocs.test.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/paths.js';
import { citationFile } from '../src/release/citationFile.js';
import { releaseInfo, softwareInfo } from '../src/releaseInfo.js';

const file = join(projectRoot, 'CITATION.cff');
writeFileSync(file, citationFile(releaseInfo(), softwareInfo()));
console.log(`wrote ${file}`);
