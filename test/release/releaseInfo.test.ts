/**
 * One home for the record's version and citation (seed/release.yaml): CITATION.cff (validated by
 * cffconvert), package.json, LICENSE, CHANGELOG.md, the README's "How to cite" and the API's `release`
 * field all agree with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseMetadataError } from '../../src/errors/index.js';
import { projectRoot } from '../../src/paths.js';
import { readReleaseInfo, releaseInfo, softwareInfo } from '../../src/releaseInfo.js';
import { cffconvert, cffconvertSkipReason, toolsRequired } from '../helpers/pythonTools.js';
import { createTestApi } from '../helpers/testApi.js';
import { emptyGrafeo } from '../helpers/testStore.js';

const release = releaseInfo();
const read = (f: string) => readFileSync(join(projectRoot, f), 'utf8');

describe('the release metadata', () => {
  it('seed/release.yaml: a semantic version, a date, a citation naming both', () => {
    expect(release.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(release.citation).toBe(
      `The alliance-graph project (${release.date.slice(0, 4)}). ${release.title} (version ${release.version}) [Data set]. Released ${release.date}.`,
    );
  });

  it('a malformed release.yaml names the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-yaml-'));
    writeFileSync(join(dir, 'release.yaml'), read('seed/release.yaml').replace(/^version: .*$/m, 'version: one'));
    expect(() => readReleaseInfo(dir)).toThrow(ReleaseMetadataError);
    expect(() => readReleaseInfo(dir)).toThrow(/release\.yaml: version: a semantic version/);
  });

  it.skipIf(cffconvertSkipReason !== null && !toolsRequired)(
    `CITATION.cff validates with cffconvert and cites the record's version${cffconvertSkipReason ? ` — ${cffconvertSkipReason}` : ''}`,
    () => {
      const r = spawnSync(cffconvert, ['--validate', '-i', join(projectRoot, 'CITATION.cff')], { encoding: 'utf8' });
      expect(r.error, `${cffconvert} could not run (CI=true: .ci/run installs it)`).toBeUndefined();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/valid according to schema version 1\.2\.0/);
      const apa = spawnSync(cffconvert, ['-i', join(projectRoot, 'CITATION.cff'), '-f', 'apalike'], {
        encoding: 'utf8',
      });
      expect(apa.stdout).toContain(`(version ${release.version})`);
    },
  );

  it('LICENSE is MIT as package.json says; the record is CC BY 4.0 (seed/LICENSE.md)', () => {
    const software = softwareInfo();
    expect(software.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
    expect(release.license).toBe('CC-BY-4.0');
    expect(read('seed/LICENSE.md')).toMatch(/CC BY 4\.0/);
    const pkg = JSON.parse(read('package.json')) as { author?: string; keywords?: string[] };
    expect(pkg.author).toBe(release.authors.map((a) => ('name' in a ? a.name : '')).join(', '));
    expect(pkg.keywords?.length).toBeGreaterThan(3);
  });

  it('CHANGELOG.md has an entry for this version and date', () => {
    expect(read('CHANGELOG.md')).toContain(`## [${release.version}] - ${release.date}`);
  });

  it('the README\'s "How to cite" shows the citation of the data and of the code', () => {
    const readme = read('README.md');
    const section = /## How to cite\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    expect(section).toContain(release.citation);
    expect(section).toContain(softwareInfo().citation);
    expect(readme).toMatch(/\| `npm run release/);
  });

  it('docs/codebook.md and docs/release.md name this version', () => {
    expect(read('docs/codebook.md')).toContain(`Version ${release.version} of the record`);
    expect(read('docs/release.md')).toContain(`> ${release.citation}`);
  });

  it('the API gives it: { release { version date citation } }', async () => {
    const api = await createTestApi(await emptyGrafeo());
    const r = await api.run<{ release: { version: string; date: string; citation: string; license: string } }>(
      '{ release { version date citation license } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.release).toEqual({
      version: release.version,
      date: release.date,
      citation: release.citation,
      license: release.license,
    });
    expect(r.roundTrips).toBe(0);
    await api.apollo.stop();
  });
});
