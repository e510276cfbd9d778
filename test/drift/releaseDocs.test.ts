/**
 * The files written from the release's declarations are current: CITATION.cff (from seed/release.yaml
 * and package.json), the codebook's list of the package's tables and columns (from
 * src/release/packageTables.ts, the declarations that write datapackage.json), and the loading lines
 * docs/release.md shows (the ones the package's README carries).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { citationFile } from '../../src/release/citationFile.js';
import { codebookTables, withCodebookTables } from '../../src/release/codebookTables.js';
import { loadingSnippets } from '../../src/release/loadingSnippets.js';
import { PACKAGE_TABLES } from '../../src/release/packageTables.js';
import { releaseInfo, softwareInfo } from '../../src/releaseInfo.js';

const read = (f: string) => readFileSync(join(projectRoot, f), 'utf8');

describe('release documents', () => {
  it('CITATION.cff is what seed/release.yaml and package.json say (regenerate: npx tsx scripts/renderCitation.ts)', () => {
    expect(read('CITATION.cff')).toBe(citationFile(releaseInfo(), softwareInfo()));
  });

  it('docs/codebook.md §22 lists every table and column of the package (regenerate: npx tsx scripts/renderCodebookTables.ts)', () => {
    const codebook = read('docs/codebook.md');
    expect(codebook).toContain(codebookTables());
    expect(withCodebookTables(codebook)).toBe(codebook);
    for (const t of PACKAGE_TABLES) {
      expect(codebook).toContain(`### \`${t.name}.csv\``);
      for (const c of t.columns) expect(codebook, `${t.name}.${c.name}`).toContain(`| \`${c.name}\` |`);
    }
  });

  it('docs/release.md shows the loading lines of the package, for R, Stata and pandas', () => {
    const doc = read('docs/release.md');
    const s = loadingSnippets(releaseInfo());
    expect(doc).toContain(`\`\`\`r\n${s.r}\n\`\`\``);
    expect(doc).toContain(`\`\`\`stata\n${s.stata}\n\`\`\``);
    expect(doc).toContain(`\`\`\`python\n${s.pandas}\n\`\`\``);
  });
});
