/**
 * The published data sets shipped in seed/published/ (gzipped): every `.gz` decompresses to the bytes
 * of the original in ../shared/data (same sha256 as the README states and as the original file), the
 * README lists exactly the shipped files, nothing but `.gz` files and the README ship (no PDFs), the
 * importers find every data set there, and the reader reads a `.gz` as the original.
 * Without ../shared/data the comparisons with the originals skip, with a message; with CI=true they fail.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATASETS, IMPORT_ORDER, readCsv, resolveFiles } from '../../src/import/index.js';
import { projectRoot } from '../../src/paths.js';
import { fileSha256 } from '../../src/import/csv.js';
import { shippedSha256 } from '../../src/openExecutor.js';
import { hasSharedData, requireDataOrSkip, sharedDataDir } from '../helpers/sharedData.js';

requireDataOrSkip();

const published = join(projectRoot, 'seed', 'published');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** seed/published/manifest.csv: the size and sha256 of each shipped file's original. */
function manifest(): Map<string, { bytes: number; sha256: string }> {
  const rows = parse(readFileSync(join(published, 'manifest.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  return new Map(rows.map((r) => [r.file!, { bytes: Number(r.bytes), sha256: r.sha256! }]));
}

/** The README's file table: `| \`folder/file.csv.gz\` | data set |`. */
function readmeFiles(): string[] {
  return readFileSync(join(published, 'README.md'), 'utf8')
    .split('\n')
    .flatMap((line) => /^\| `([^`]+\.gz)` \| [^|]+ \|$/.exec(line)?.slice(1, 2) ?? []);
}

const shipped = walk(published)
  .map((f) => relative(published, f))
  .filter((f) => f !== 'README.md' && f !== 'manifest.csv')
  .sort();

describe('the published data shipped in seed/published/', () => {
  it('holds only gzipped files, the README and the manifest, under the folder names of ../shared/data (no PDFs)', () => {
    expect(shipped.length).toBe(18);
    for (const f of shipped)
      expect(f, f).toMatch(
        /^(atop-5\.1|cow-states|cow-nmc-6\.0|cow-mid-4\.3|cow-war-4\.0|cdb90|rivalries|threat)\/[^/]+\.csv\.gz$/,
      );
  });

  it('the README and the manifest list exactly the shipped files; the manifest gives the size and sha256 of each decompressed', () => {
    const table = manifest();
    expect([...table.keys()].sort()).toEqual(shipped);
    expect([...readmeFiles()].sort()).toEqual(shipped);
    for (const f of shipped) {
      const bytes = gunzipSync(readFileSync(join(published, f)));
      expect(sha256(bytes), f).toBe(table.get(f)!.sha256);
      expect(bytes.length, f).toBe(table.get(f)!.bytes);
    }
  });

  it('the README gives publisher, version, citation and terms for every folder', () => {
    const text = readFileSync(join(published, 'README.md'), 'utf8');
    const section = text.slice(text.indexOf('## Publishers, versions, citations, terms'));
    const folders = new Set(shipped.map((f) => f.split('/')[0]!));
    for (const folder of folders) {
      const row = section.split('\n').find((l) => l.startsWith(`| \`${folder}\` |`));
      expect(row, folder).toBeDefined();
      const cells = row!.split(' | ');
      expect(cells.length, folder).toBe(6);
      for (const c of cells) expect(c.trim().length, `${folder}: ${c}`).toBeGreaterThan(0);
    }
  });

  it('the checksums a start trusts from the manifest (shippedSha256) are those of the shipped files, decompressed', async () => {
    const known = shippedSha256(published);
    expect(known.size).toBe(shipped.length);
    for (const f of shipped) expect(known.get(join(published, f)), f).toBe(await fileSha256(join(published, f)));
  });

  it('the importers find every data set there (.csv.gz)', () => {
    for (const name of IMPORT_ORDER) {
      const files = resolveFiles(DATASETS[name], published);
      expect(Object.keys(files).sort(), name).toEqual(DATASETS[name].files.map((f) => f.id).sort());
      for (const p of Object.values(files)) expect(p, name).toMatch(/\.csv\.gz$/);
    }
  });

  describe.skipIf(!hasSharedData)('against the originals in ../shared/data', () => {
    it.each(shipped)(
      '%s decompresses to the bytes of the original (sha256 equal to the manifest and the original)',
      (f) => {
        const original = readFileSync(join(sharedDataDir, f.replace(/\.gz$/, '')));
        const bytes = gunzipSync(readFileSync(join(published, f)));
        expect(sha256(bytes)).toBe(sha256(original));
        expect(sha256(bytes)).toBe(manifest().get(f)!.sha256);
        expect(bytes.equals(original)).toBe(true);
      },
    );

    it('the reader reads a .gz as the original: same columns, rows, cells and sha256', async () => {
      for (const f of ['atop-5.1/atop5_1m.csv', 'cow-nmc-6.0/NMC-60-abridged.csv', 'cdb90/battles.csv']) {
        const a = await readCsv(join(sharedDataDir, f), []);
        const b = await readCsv(join(published, `${f}.gz`), []);
        expect(b.sha256, f).toBe(a.sha256);
        expect(b.columns, f).toEqual(a.columns);
        expect(b.rows.length, f).toBe(a.rows.length);
        const cells = (t: typeof a) => t.rows.map((r) => [r.line, ...t.columns.map((c) => r.cell(c))].join('\u0001'));
        expect(cells(b), f).toEqual(cells(a));
      }
    });
  });
});
