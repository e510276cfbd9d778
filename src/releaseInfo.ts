/**
 * The record's release — version, date, title, curators, licence — read from seed/release.yaml, the
 * one home of these facts. CITATION.cff, the API's `release` field, the data package and the exports
 * all take them from here, so that a citation never names a version the data do not carry.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ReleaseMetadataError } from './errors/index.js';
import { projectRoot, seedDir } from './paths.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/;

/** A curator as CITATION.cff names one: an entity (`name`) or a person. */
const author = z.union([
  z.object({ name: z.string().min(1) }).strict(),
  z
    .object({
      'given-names': z.string().min(1),
      'family-names': z.string().min(1),
      orcid: z.string().url().optional(),
      affiliation: z.string().min(1).optional(),
    })
    .strict(),
]);

const releaseFile = z
  .object({
    version: z.string().regex(SEMVER, 'a semantic version MAJOR.MINOR.PATCH'),
    date: z.iso.date(),
    title: z.string().min(1),
    name: z.string().regex(/^[a-z0-9._-]+$/, 'lower case letters, digits, ".", "-" and "_" (a Frictionless name)'),
    abstract: z.string().min(1),
    authors: z.array(author).min(1),
    license: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'an SPDX licence identifier'),
    keywords: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type ReleaseAuthor = z.infer<typeof author>;

export interface ReleaseInfo extends z.infer<typeof releaseFile> {
  /** The citation of the record in author–date style, with the version and the release date. */
  citation: string;
}

/** "The alliance-graph project", "Leeds, B. A., and Long, A. G.": the authors as a citation lists them. */
export function authorList(authors: readonly ReleaseAuthor[]): string {
  const names = authors.map((a) =>
    'name' in a
      ? a.name
      : `${a['family-names']}, ${a['given-names']
          .split(/\s+/)
          .map((g) => `${g[0]}.`)
          .join(' ')}`,
  );
  return names.length > 1 ? `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}` : names[0]!;
}

/** The record's citation: `<authors> (<year>). <title> (version <v>) [Data set]. Released <date>.` */
export function releaseCitation(r: z.infer<typeof releaseFile>): string {
  return `${authorList(r.authors)} (${r.date.slice(0, 4)}). ${r.title} (version ${r.version}) [Data set]. Released ${r.date}.`;
}

/** Reads and checks `release.yaml` of a seed directory (the project's by default). */
export function readReleaseInfo(dir: string = seedDir): ReleaseInfo {
  const file = join(dir, 'release.yaml');
  const name = relative(projectRoot, file) || file;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReleaseMetadataError(name, (e as Error).message.split('\n')[0]!);
  }
  const parsed = releaseFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReleaseMetadataError(name, `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return { ...parsed.data, citation: releaseCitation(parsed.data) };
}

let cached: ReleaseInfo | undefined;

/** The project's release, read once per process (the file changes only with a new release). */
export function releaseInfo(): ReleaseInfo {
  cached ??= readReleaseInfo();
  return cached;
}

/** The code's own release, from package.json: cited beside the record (CITATION.cff `references`). */
export interface SoftwareInfo {
  name: string;
  version: string;
  license: string;
  description: string;
  keywords: string[];
  repository: string | null;
  /** The citation of the code, with the record's curators as its authors. */
  citation: string;
}

export function softwareInfo(release: ReleaseInfo = releaseInfo()): SoftwareInfo {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
    description: string;
    keywords?: string[];
    repository?: string | { url?: string };
  };
  const repository =
    typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url?.replace(/^git\+/, '') ?? null);
  return {
    name: pkg.name,
    version: pkg.version,
    license: pkg.license,
    description: pkg.description,
    keywords: pkg.keywords ?? [],
    repository,
    citation: `${authorList(release.authors)} (${release.date.slice(0, 4)}). ${pkg.name} (version ${pkg.version}) [Computer software].`,
  };
}

/** The response header every export carries (`GET /export/*`): the record's release version. */
export const RELEASE_HEADER = 'Alliance-Graph-Release';

/**
 * `<base>-v<version>.<ext>`: the release in a file name, for the formats that have no place for it
 * inside (CSV: no comment lines, which would break readers). Used by `?download` and the CLI's `--out <dir>`.
 */
export const versionedFileName = (base: string, ext: string, version: string = releaseInfo().version): string =>
  `${base}-v${version}.${ext}`;
