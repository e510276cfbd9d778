/**
 * Writes the data package of the current record (`npm run release`, `alliance-graph release`): the
 * folder `<out>/<name>-<version>/` and `<out>/<name>-<version>.zip`.
 *
 * Deterministic: every table is sorted by its keys, numbers are rounded, the only date is the release
 * date of seed/release.yaml, and the zip's entries are dated that day; the same record gives the same
 * bytes (test/release/dataPackage.test.ts builds it twice).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { BadInputError } from '../errors/index.js';
import { writeDyadYearCsv } from '../export/dyadYear.export.js';
import { releaseInfo, softwareInfo } from '../releaseInfo.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { bibtex, cslJson } from './bibliography.js';
import { citationFile } from './citationFile.js';
import { csvTable } from './csvTable.js';
import { dataPackageDescriptor, type FileInfo, type OtherFile } from './dataPackage.js';
import { packageFolder } from './loadingSnippets.js';
import { packageCodebook, packageLicense, packageReadme, type ListedFile } from './packageDocs.js';
import { PACKAGE_TABLES, type TableDecl } from './packageTables.js';
import { parquetFromCsv } from './parquetTable.js';
import { readRecordTables } from './readRecord.js';
import { readRecordExtras } from './recordExtras.js';

export interface ReleaseOptions {
  /** The folder the package folder and its zip are written into (created if missing). */
  outDir: string;
  /** The years of the dyad-year table (default 1816–2018: COW's first year to ATOP 5.1's last). */
  dyadYears?: { from: number; to: number };
  /** Told each step as it starts (the CLI prints them). */
  onStep?: (step: string) => void;
}

export interface ReleaseSummary {
  version: string;
  folder: string;
  zip: string;
  tables: { name: string; rows: number; bytes: number }[];
  files: { path: string; bytes: number }[];
}

export const DYAD_YEARS = { from: 1816, to: 2018 } as const;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

async function dyadYearCsv(ex: QueryExecutor, from: number, to: number): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  await writeDyadYearCsv(ex, from, to, sink);
  return Buffer.concat(chunks).toString('utf8');
}

/** A folder we may write the package into: absent, empty, or a package written before. */
function prepareFolder(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length && !entries.includes('datapackage.json'))
      throw new BadInputError(`${dir} exists and is not a data package: choose another --out`, 'out');
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

/** Builds the package from the graph behind `ex` and writes it under `options.outDir`. */
export async function writeRelease(ex: QueryExecutor, options: ReleaseOptions): Promise<ReleaseSummary> {
  const step = options.onStep ?? (() => undefined);
  const release = releaseInfo();
  const software = softwareInfo(release);
  const years = options.dyadYears ?? DYAD_YEARS;

  step('reading the record');
  const extras = readRecordExtras();
  const { tables: rows, sources } = await readRecordTables(ex, extras);

  step(`computing the dyad-years ${years.from}–${years.to}`);
  const dyadCsv = await dyadYearCsv(ex, years.from, years.to);

  step('writing the files');
  const tableFiles: { decl: TableDecl; file: FileInfo; rows: number; data: Uint8Array }[] = PACKAGE_TABLES.map(
    (decl) => {
      const text = decl.name === 'dyad_years' ? dyadCsv : csvTable(decl, rows[decl.name] ?? []);
      const data = utf8(text);
      const count = decl.name === 'dyad_years' ? text.split('\n').length - 2 : (rows[decl.name] ?? []).length;
      return { decl, rows: count, data, file: { path: `${decl.name}.csv`, bytes: data.length, sha256: sha256(data) } };
    },
  );
  const other = (
    name: string,
    path: string,
    data: Uint8Array,
    meta: Omit<OtherFile, 'name' | 'path' | 'bytes' | 'sha256'>,
  ) => ({ info: { name, path, bytes: data.length, sha256: sha256(data), ...meta }, data });
  const parquets = tableFiles
    .filter((t) => t.decl.parquet)
    .map((t) =>
      other(
        `${t.decl.name}_parquet`,
        `${t.decl.name}.parquet`,
        parquetFromCsv(t.decl, Buffer.from(t.data).toString('utf8'), release),
        {
          title: `${t.decl.title} (Parquet)`,
          description: `${t.decl.name}.csv in Apache Parquet: the same rows, columns and types (integer INT32, number DOUBLE, string UTF-8), ${t.rows} rows.`,
          format: 'parquet',
          mediatype: 'application/vnd.apache.parquet',
        },
      ),
    );
  const dataSets = rows.data_sets ?? [];
  const texts = [
    other('sources_bibtex', 'sources.bib', utf8(bibtex(sources)), {
      title: 'Sources (BibTeX)',
      description: 'Every work the record cites, keyed by `sources.source_key`.',
      format: 'bib',
      mediatype: 'application/x-bibtex',
    }),
    other('sources_csl', 'sources.csl.json', utf8(cslJson(sources)), {
      title: 'Sources (CSL-JSON)',
      description: 'Every work the record cites, keyed by `sources.source_key` (Zotero, Pandoc, citeproc).',
      format: 'json',
      mediatype: 'application/vnd.citationstyles.csl+json',
    }),
    other('codebook', 'codebook.md', utf8(packageCodebook(release, dataSets)), {
      title: 'Codebook',
      description: 'What every field means and how it was coded; §22 lists the tables and columns of this package.',
      format: 'md',
      mediatype: 'text/markdown',
    }),
    other('license', 'LICENSE.md', utf8(packageLicense(release)), {
      title: 'Licence',
      description: `The record's licence (${release.license}) and the published data sets' own terms.`,
      format: 'md',
      mediatype: 'text/markdown',
    }),
    other('citation', 'CITATION.cff', utf8(citationFile(release, software)), {
      title: 'Citation',
      description: 'How to cite the data and the code (Citation File Format 1.2.0).',
      format: 'cff',
      mediatype: 'application/x-yaml',
    }),
  ];
  const listed: ListedFile[] = [
    ...tableFiles.map((t) => ({ path: t.file.path, bytes: t.file.bytes, rows: t.rows, what: t.decl.title })),
    ...[...parquets, ...texts].map((o) => ({ path: o.info.path, bytes: o.info.bytes, rows: null, what: o.info.title })),
  ];
  const readme = other('readme', 'README.md', utf8(packageReadme(release, software, listed)), {
    title: 'Read me',
    description: 'What the package is, how to cite it and how to load it in R, Stata and pandas.',
    format: 'md',
    mediatype: 'text/markdown',
  });
  const others = [...parquets, readme, ...texts];
  const descriptor = dataPackageDescriptor({
    release,
    tables: tableFiles,
    others: others.map((o) => o.info),
    dataSets,
  });
  const files = [
    { path: 'datapackage.json', data: utf8(`${JSON.stringify(descriptor, null, 2)}\n`) },
    ...tableFiles.map((t) => ({ path: t.file.path, data: t.data })),
    ...others.map((o) => ({ path: o.info.path, data: o.data })),
  ];

  const name = packageFolder(release);
  const folder = join(options.outDir, name);
  prepareFolder(folder);
  for (const f of files) writeFileSync(join(folder, f.path), f.data);
  step('zipping');
  const { zipFiles } = await import('./zipFolder.js');
  const zip = join(options.outDir, `${name}.zip`);
  writeFileSync(zip, zipFiles(name, files, release.date));
  return {
    version: release.version,
    folder,
    zip,
    tables: tableFiles.map((t) => ({ name: t.decl.name, rows: t.rows, bytes: t.file.bytes })),
    files: files.map((f) => ({ path: f.path, bytes: f.data.length })),
  };
}
