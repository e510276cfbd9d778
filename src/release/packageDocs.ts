/**
 * The text files of the package beside its tables: README.md (what it is, how to cite and load it, the
 * files), LICENSE.md (the record's licence, the published data sets' own terms) and codebook.md
 * (docs/codebook.md, with the releases of the published data sets the derived columns rest on).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import type { ReleaseInfo, SoftwareInfo } from '../releaseInfo.js';
import { licenseEntry } from './dataPackage.js';
import { loadingSnippets } from './loadingSnippets.js';
import type { Row } from './readRecord.js';

export interface ListedFile {
  path: string;
  bytes: number;
  rows: number | null;
  what: string;
}

const PUBLISHED_README = join(projectRoot, 'seed', 'published', 'README.md');
const TERMS_HEADING = '## Publishers, versions, citations, terms';

/** The publishers' table of seed/published/README.md (the one home of their citations and terms). */
export function publishedTerms(): string {
  const text = readFileSync(PUBLISHED_README, 'utf8');
  const from = text.indexOf(TERMS_HEADING);
  if (from < 0) throw new Error(`seed/published/README.md has no "${TERMS_HEADING}" section`);
  const rest = text
    .slice(from + TERMS_HEADING.length)
    .trimStart()
    .split('\n');
  // The table only: the notes below it speak of the repository's folders.
  const end = rest.findIndex((line) => !line.startsWith('|'));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}

const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`);

export function packageReadme(release: ReleaseInfo, software: SoftwareInfo, files: readonly ListedFile[]): string {
  const load = loadingSnippets(release);
  const licence = licenseEntry(release.license);
  return `# ${release.title} — data package, version ${release.version}

Released ${release.date}. ${release.abstract}

## How to cite

The data: ${release.citation}

The code that built it: ${software.citation}

CITATION.cff has both; sources.bib and sources.csl.json hold every work the record cites.

## Licence

The record: ${licence.title ?? release.license} (${release.license}${licence.path ? `, ${licence.path}` : ''}). The columns derived
from published data sets (the computed outside options, the model's numbers, the dyad-year file) rest on
those data sets, which keep their own terms: see LICENSE.md and the data_sets table.

## Files

datapackage.json describes every file (Frictionless Data Package: types, keys, missing values, sha256);
codebook.md explains every field (§22 lists the tables and columns). An empty cell is a missing value.

| file | rows | size | what |
|---|---|---|---|
${files.map((f) => `| ${f.path} | ${f.rows ?? ''} | ${mb(f.bytes)} | ${f.what} |`).join('\n')}

## Load it

R:

\`\`\`r
${load.r}
\`\`\`

Stata:

\`\`\`stata
${load.stata}
\`\`\`

pandas:

\`\`\`python
${load.pandas}
\`\`\`

Check it: \`frictionless validate datapackage.json\`.
`;
}

export function packageLicense(release: ReleaseInfo): string {
  const licence = licenseEntry(release.license);
  return `# Licence

${release.title}, version ${release.version} (${release.date}), by ${release.authors.map((a) => ('name' in a ? a.name : `${a['given-names']} ${a['family-names']}`)).join(', ')}, is licensed under the
${licence.title ?? release.license} licence (${release.license})${licence.path ? `: ${licence.path}` : ''}.
You may share and adapt it for any purpose, provided you give appropriate credit (cite it as README.md
says), provide a link to the licence, and indicate if changes were made.

The columns computed from published data sets (\`negotiation_parties\`: the computed outside options and the
agreement model's numbers; \`dyad_years\`) rest on those data sets, whose own terms apply to them as well:

${publishedTerms()}
`;
}

export function packageCodebook(release: ReleaseInfo, dataSets: readonly Row[]): string {
  const codebook = readFileSync(join(projectRoot, 'docs', 'codebook.md'), 'utf8').trimEnd();
  return `${codebook}

## Appendix. The published data sets of this release

Data package version ${release.version}, released ${release.date}. The derived columns rest on these releases,
as imported into the graph the package was built from (\`data_sets.csv\`; the API's \`dataSets\`):

| data set | version | year | citation | files |
|---|---|---|---|---|
${dataSets.map((d) => `| ${d.name} | ${d.version} | ${d.year} | ${d.citation} | ${String(d.files).split(';').join(', ')} |`).join('\n')}

Their publishers and terms:

${publishedTerms()}
`;
}
