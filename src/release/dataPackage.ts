/**
 * datapackage.json (Frictionless Data Package v1, Table Schema for every table): derived from the
 * declarations of ./packageTables.ts and the release (seed/release.yaml), with the size and sha256 of
 * every file, so that `frictionless validate` checks types, keys, foreign keys and integrity.
 */
import type { ReleaseInfo } from '../releaseInfo.js';
import { CSV_DIALECT } from './csvTable.js';
import type { Column, TableDecl } from './packageTables.js';
import type { Row } from './readRecord.js';

/** What the package knows of a written file. */
export interface FileInfo {
  path: string;
  bytes: number;
  sha256: string;
}

/** A file of the package that is not a table (codebook, bibliographies, the Parquet copy …). */
export interface OtherFile extends FileInfo {
  name: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
}

const LICENSES: Record<string, { title: string; path: string }> = {
  'CC-BY-4.0': {
    title: 'Creative Commons Attribution 4.0 International',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'CC0-1.0': { title: 'CC0 1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
};

/** A licence as Data Package `licenses` writes it: the SPDX id, with title and path where known. */
export const licenseEntry = (spdx: string) => ({ name: spdx, ...LICENSES[spdx] });

function fieldDescriptor(c: Column) {
  const constraints = {
    ...(c.required ? { required: true } : {}),
    ...(c.enum ? { enum: c.type === 'integer' ? c.enum : c.enum.map(String) } : {}),
    ...(c.pattern ? { pattern: c.pattern } : {}),
    ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
    ...(c.maximum !== undefined ? { maximum: c.maximum } : {}),
  };
  return {
    name: c.name,
    type: c.type,
    ...(c.type === 'date' ? { format: 'default' } : {}),
    description: c.description,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

/** The Table Schema of a declared table. */
export function tableSchema(t: TableDecl) {
  return {
    fields: t.columns.map(fieldDescriptor),
    missingValues: [''],
    primaryKey: t.primaryKey,
    ...(t.foreignKeys.length
      ? {
          foreignKeys: t.foreignKeys.map((k) => ({
            fields: k.fields,
            reference: { resource: k.table, fields: k.tableFields },
          })),
        }
      : {}),
  };
}

export interface PackageInput {
  release: ReleaseInfo;
  tables: { decl: TableDecl; file: FileInfo; rows: number }[];
  others: OtherFile[];
  /** The published data sets the derived columns rest on (rows of `data_sets`). */
  dataSets: readonly Row[];
}

/** The descriptor, as an object in the key order it is written in. */
export function dataPackageDescriptor({ release, tables, others, dataSets }: PackageInput) {
  return {
    profile: 'data-package',
    name: release.name,
    title: release.title,
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    description: release.abstract,
    citation: release.citation,
    keywords: release.keywords,
    licenses: [licenseEntry(release.license)],
    contributors: release.authors.map((a) => ({
      title: 'name' in a ? a.name : `${a['given-names']} ${a['family-names']}`,
      role: 'author',
    })),
    sources: dataSets.map((d) => ({ title: String(d.citation) })),
    resources: [
      ...tables.map(({ decl, file, rows }) => ({
        name: decl.name,
        path: file.path,
        profile: 'tabular-data-resource',
        title: decl.title,
        description: `One row is ${decl.row}. ${rows} rows.${decl.description ? ` ${decl.description}` : ''}`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: file.bytes,
        hash: `sha256:${file.sha256}`,
        dialect: CSV_DIALECT,
        schema: tableSchema(decl),
      })),
      ...others.map((o) => ({
        name: o.name,
        type: 'file',
        path: o.path,
        title: o.title,
        description: o.description,
        format: o.format,
        mediatype: o.mediatype,
        bytes: o.bytes,
        hash: `sha256:${o.sha256}`,
      })),
    ],
  };
}
