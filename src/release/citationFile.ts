/**
 * CITATION.cff (Citation File Format 1.2.0), written from seed/release.yaml and package.json: the record
 * (a data set, CC BY 4.0) is the work cited first; the code (software, MIT) is in `references`.
 * `npx tsx scripts/renderCitation.ts` writes it; test/drift checks the committed file is this text, and
 * test/release validates it with cffconvert.
 */
import { stringify } from 'yaml';
import type { ReleaseInfo, SoftwareInfo } from '../releaseInfo.js';

export function citationFile(release: ReleaseInfo, software: SoftwareInfo): string {
  const cff = {
    'cff-version': '1.2.0',
    message:
      'If you use the record of alliance treaty negotiations, please cite it as below; if you use the code, please cite the software too (references).',
    type: 'dataset',
    title: release.title,
    version: release.version,
    'date-released': release.date,
    abstract: release.abstract,
    authors: release.authors,
    license: release.license,
    keywords: release.keywords,
    ...(software.repository ? { 'repository-code': software.repository } : {}),
    references: [
      {
        type: 'software',
        title: software.name,
        version: software.version,
        abstract: software.description,
        authors: release.authors,
        license: software.license,
        keywords: software.keywords,
        ...(software.repository ? { 'repository-code': software.repository } : {}),
      },
    ],
  };
  return `# Written by scripts/renderCitation.ts from seed/release.yaml and package.json: edit those, then run it.\n${stringify(cff, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: true })}`;
}
