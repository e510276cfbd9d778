/**
 * Runs an import: finds the files, reads and validates all of them (nothing is written if a file is
 * malformed), then writes everything in ONE transaction per data set, in UNWIND batches. Files are
 * read twice, streamed: the first reading validates and keeps only what cross-row checks need (keys,
 * ids, counts), the second, inside the transaction, maps the rows again and sends them in batches, and
 * fails the transaction (`ImportFileChangedError`) if it does not see the same bytes (sha256). A failure
 * half-way rolls the transaction back, so the graph is as it was. Every write MERGEs on a key, so
 * importing twice changes no counts; a data set's `removals` then delete what the files no longer hold,
 * and withdraw its part of what the curated record or another data set also holds (README, "Re-imports
 * replace"); the last write of the transaction records the data set (a `DataSet` node with its files'
 * sha256), and a data set whose files are recorded is not imported again.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import { fileSha256, ImportFileError } from './csv.js';
import { silentProgress, type ProgressReporter } from './progress.js';
import { DATASETS, IMPORT_ORDER } from './registry.js';
import type { Dataset, DatasetName, PreparedImport } from './types.js';
import type { WriteStep } from './writeStep.js';
import * as q from '../store/queries.gen.js';

/** Rows per UNWIND batch: measured on Grafeo 0.6 (2,000 is ~50% slower than 5,000; 16,000 no faster). */
export const DEFAULT_BATCH_SIZE = 5000;

export interface ImportOptions {
  batchSize?: number;
  progress?: ProgressReporter;
  /** Import even when the graph records the same files (same sha256) as loaded. */
  force?: boolean;
  /**
   * sha256 of files already known, by absolute path (the shipped files' README lists them; a test
   * checks it against the files): those are not hashed again, which keeps a warm start short.
   */
  knownSha256?: ReadonlyMap<string, string>;
  /**
   * Called as each data set of `importAll` is done (imported, or found already loaded): a start
   * without a terminal, where there are no progress bars, logs each one as it finishes.
   */
  onDataset?: (summary: ImportSummary) => void;
}

export interface ImportSummary {
  dataset: DatasetName;
  files: string[];
  /** sha256 of each file's content (decompressed for `.gz`), in file-name order. */
  sha256: string[];
  version: string;
  rowsRead: number;
  rowsWritten: number;
  /** The same files were already recorded as loaded: nothing was read or written. */
  alreadyLoaded: boolean;
  ms: number;
  rowsPerSecond: number;
  /**
   * Distinct nodes written, by label, and relationships, by type, counted from the rows (not from
   * the graph): each was created, or updated if it existed (every write MERGEs on a key). Whole-graph
   * counts before and after each data set, which split the two, cost more than a small data set's
   * import and were dropped; a re-import of the same files is skipped instead (see `alreadyLoaded`).
   */
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  totals: { nodes: number; relationships: number };
  /** Peak resident set size of the process so far, in MB. */
  peakRssMb: number;
  warnings: string[];
}

export class DatasetNotFoundError extends Error {
  constructor(dataset: string, path: string, missing: string[]) {
    super(`${dataset}: no ${missing.join(', ')} in ${path} (or its subfolders)`);
    this.name = 'DatasetNotFoundError';
  }
}

function listCsv(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile()) out.push(join(dir, e.name));
    else if (e.isDirectory() && !e.name.startsWith('.')) {
      for (const f of readdirSync(join(dir, e.name), { withFileTypes: true }))
        if (f.isFile()) out.push(join(dir, e.name, f.name));
    }
  }
  return out;
}

/**
 * The files of a data set under `path`: a directory (searched with its direct subfolders, so both
 * `data/atop-5.1` and `data` work) or one of the data set's files (its folder is searched). Files may be
 * `.csv` or `.csv.gz`.
 */
export function resolveFiles(dataset: Dataset, path: string): Record<string, string> {
  if (!existsSync(path)) throw new DatasetNotFoundError(dataset.name, path, ['such file or directory']);
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  const candidates = listCsv(dir);
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const spec of dataset.files) {
    const matching = candidates.filter((f) => spec.pattern.test(basename(f)));
    // `x.csv` and `x.csv.gz` side by side are one file: the uncompressed one is read.
    const hits = matching.filter((f) => !/\.gz$/i.test(f) || !matching.includes(f.slice(0, -3)));
    if (hits.length > 1) {
      const preferred = hits.filter((h) => dirname(h) === dir);
      if (preferred.length !== 1)
        throw new Error(
          `${dataset.name}: several files could be the ${spec.description}: ${hits.join(', ')}; give the folder of one version`,
        );
      found[spec.id] = preferred[0]!;
    } else if (hits.length === 1) found[spec.id] = hits[0]!;
    else if (!spec.optional) missing.push(spec.description);
  }
  if (missing.length || !Object.keys(found).length)
    throw new DatasetNotFoundError(
      dataset.name,
      path,
      missing.length ? missing : dataset.files.map((f) => f.description),
    );
  return found;
}

type Row = Record<string, unknown>;

/** Groups rows by `key` as `{<key>, items: [rows]}`, in order of first appearance. */
function grouped(rows: readonly Row[], key: string): (Row & { items: Row[] })[] {
  const groups = new Map<unknown, Row[]>();
  for (const r of rows) {
    const g = groups.get(r[key]);
    if (g) g.push(r);
    else groups.set(r[key], [r]);
  }
  return [...groups].map(([k, items]) => ({ [key]: k, items }));
}

/** The UNWIND batches of held rows: `batchSize` rows each, or whole groups adding up to about that. */
function* batches(
  held: readonly Row[],
  groupBy: string | undefined,
  batchSize: number,
): Generator<{ rows: Row[]; size: number }> {
  if (!groupBy) {
    for (let i = 0; i < held.length; i += batchSize) {
      const rows = held.slice(i, i + batchSize);
      yield { rows, size: rows.length };
    }
    return;
  }
  let rows: Row[] = [];
  let size = 0;
  for (const g of grouped(held, groupBy)) {
    rows.push(g);
    size += g.items.length;
    if (size >= batchSize) {
      yield { rows, size };
      rows = [];
      size = 0;
    }
  }
  if (rows.length) yield { rows, size };
}

const isHeld = (rows: WriteStep['rows']): rows is readonly Row[] => Array.isArray(rows);

/** Runs a step: held rows in batches, streamed rows `batchSize` at a time as they are read again (grouped within the batch). */
async function runStep(
  step: WriteStep,
  batchSize: number,
  send: (rows: Row[], size: number) => Promise<void>,
): Promise<void> {
  const rows = step.rows;
  if (isHeld(rows)) {
    for (const batch of batches(rows, step.groupBy, batchSize)) await send(batch.rows, batch.size);
    return;
  }
  let batch: Row[] = [];
  const flush = () => {
    const full = batch;
    batch = [];
    return send(step.groupBy ? grouped(full, step.groupBy) : full, full.length);
  };
  await rows.each((row) => {
    batch.push(row);
    if (batch.length >= batchSize) return flush();
  });
  if (batch.length) await flush();
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** What a `DataSet` node records: the release behind the data set's nodes, and its files' checksums. */
export interface DataSetRecord {
  name: DatasetName;
  version: string;
  /** File names, and the sha256 of each file's content (decompressed for `.gz`), in the same order. */
  files: string[];
  sha256: string[];
  rows: number;
  /** ISO 8601 timestamp (UTC) of the import. */
  loadedAt: string;
  citation: string;
  /** The years the rows cover (`PreparedImport.coverage`; null: the files give no years). */
  coverageFrom: number | null;
  coverageTo: number | null;
}

/** The data sets recorded in the graph, by name. */
export async function loadedDataSets(executor: QueryExecutor): Promise<Map<string, q.DataSetsAllRow>> {
  const rows = await executor.read(q.dataSetsAll);
  return new Map(rows.map((r) => [r.name, r]));
}

/** The files of a data set with their checksums, in file-name order. */
async function checksums(
  files: Record<string, string>,
  known?: ReadonlyMap<string, string>,
): Promise<{ files: string[]; paths: string[]; sha256: string[] }> {
  const paths = Object.values(files).sort((a, b) => basename(a).localeCompare(basename(b)));
  const sha256 = await Promise.all(paths.map((p) => known?.get(resolve(p)) ?? fileSha256(p)));
  return { files: paths.map((p) => basename(p)), paths, sha256 };
}

/** The same files, recorded with the years they cover (a record from before coverage was read is imported again, once). */
const sameFiles = (a: q.DataSetsAllRow | undefined, sha256: string[]) =>
  Boolean(a) && a!.coverageRead && a!.sha256.length === sha256.length && a!.sha256.every((h, i) => h === sha256[i]);

/**
 * Writes a prepared import in one transaction, the `DataSet` record last (so it exists only if all
 * the rows landed). What was written is counted from the rows, per data set: no whole-graph counts.
 */
export async function writePrepared(
  executor: QueryExecutor,
  prepared: PreparedImport,
  options: ImportOptions = {},
  record?: Omit<DataSetRecord, 'loadedAt'>,
): Promise<Omit<ImportSummary, 'ms' | 'rowsPerSecond'>> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const progress = options.progress ?? silentProgress;
  const total = prepared.steps.reduce((n, s) => n + (isHeld(s.rows) ? s.rows.length : s.rows.count), 0);
  const loadedAt = new Date().toISOString();
  progress.start(prepared.dataset, total);
  try {
    await executor.transaction(`import ${prepared.dataset}`, async (tx) => {
      await tx.run(q.importSources, { rows: prepared.sources });
      for (const step of prepared.steps) {
        await runStep(step, batchSize, async (rows, size) => {
          await step.send(tx, rows);
          progress.advance(size);
        });
      }
      for (const removal of prepared.removals) await removal.run(tx);
      if (record) await tx.run(q.importDataSetRecord, { ...record, loadedAt });
    });
  } finally {
    progress.stop();
  }
  const sum = (m: Record<string, number>) => Object.values(m).reduce((n, c) => n + c, 0);
  return {
    dataset: prepared.dataset,
    files: prepared.files,
    sha256: record?.sha256 ?? [],
    version: record?.version ?? versionOf(prepared),
    rowsRead: prepared.rowsRead,
    rowsWritten: total,
    alreadyLoaded: false,
    nodes: { ...prepared.nodes },
    relationships: { ...prepared.relationships },
    totals: { nodes: sum(prepared.nodes), relationships: sum(prepared.relationships) },
    peakRssMb: peakRssMb(),
    warnings: prepared.warnings,
  };
}

const versionOf = (p: PreparedImport) => [...new Set(p.sources.map((s) => s.version))].join(' / ');

/** Imports one data set from a file or directory path (skipped when the same files are recorded, unless `force`). */
export async function importDataset(
  executor: QueryExecutor,
  name: DatasetName,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  return runDataset(
    executor,
    name,
    path,
    options,
    options.force ? undefined : (await loadedDataSets(executor)).get(name),
  );
}

async function runDataset(
  executor: QueryExecutor,
  name: DatasetName,
  path: string,
  options: ImportOptions,
  loaded: q.DataSetsAllRow | undefined,
): Promise<ImportSummary> {
  const t0 = performance.now();
  const dataset = DATASETS[name];
  const files = resolveFiles(dataset, path);
  const sums = await checksums(files, options.knownSha256);
  if (!options.force && sameFiles(loaded, sums.sha256)) {
    return {
      dataset: name,
      files: sums.paths,
      sha256: sums.sha256,
      version: loaded!.version,
      rowsRead: 0,
      rowsWritten: 0,
      alreadyLoaded: true,
      nodes: {},
      relationships: {},
      totals: { nodes: 0, relationships: 0 },
      ms: Math.round(performance.now() - t0),
      rowsPerSecond: 0,
      peakRssMb: peakRssMb(),
      warnings: [],
    };
  }
  const prepared = await dataset.prepare(files);
  // The checksums of the files as validated (the first reading); the pre-check's differ only if a file
  // changed in between, and then what is written is what was validated.
  const sha256 = sums.paths.map((p, i) => prepared.sha256?.[p] ?? sums.sha256[i]!);
  const record = {
    name,
    version: versionOf(prepared),
    files: sums.files,
    sha256,
    rows: prepared.rowsRead,
    citation: prepared.sources.map((x) => x.citation).join(' '),
    coverageFrom: prepared.coverage?.from ?? null,
    coverageTo: prepared.coverage?.to ?? null,
  };
  const summary = await writePrepared(executor, prepared, options, record);
  const ms = Math.round(performance.now() - t0);
  return { ...summary, ms, rowsPerSecond: Math.round((prepared.rowsRead / Math.max(ms, 1)) * 1000) };
}

export interface ImportAllSummary {
  datasets: ImportSummary[];
  skipped: { dataset: DatasetName; reason: string }[];
  ms: number;
  rowsRead: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

/**
 * Imports every data set found under `dir`, in `IMPORT_ORDER` (only those of `options.only`, when
 * given); a data set whose files are not there is skipped (and listed), and so is one whose files'
 * checksums are already recorded (unless `force`). Each data set is its own transaction; a malformed
 * file stops the run there.
 */
export async function importAll(
  executor: QueryExecutor,
  dir: string,
  options: ImportOptions & { only?: readonly DatasetName[] } = {},
): Promise<ImportAllSummary> {
  const t0 = performance.now();
  const datasets: ImportSummary[] = [];
  const skipped: ImportAllSummary['skipped'] = [];
  const loaded = options.force ? new Map<string, q.DataSetsAllRow>() : await loadedDataSets(executor);
  for (const name of IMPORT_ORDER) {
    if (options.only && !options.only.includes(name)) continue;
    try {
      resolveFiles(DATASETS[name], dir);
    } catch (e) {
      if (e instanceof DatasetNotFoundError) {
        skipped.push({ dataset: name, reason: e.message });
        continue;
      }
      throw e;
    }
    const summary = await runDataset(executor, name, dir, options, loaded.get(name));
    options.onDataset?.(summary);
    if (summary.alreadyLoaded)
      skipped.push({ dataset: name, reason: `already loaded (version ${summary.version}, same sha256)` });
    else datasets.push(summary);
  }
  const ms = Math.round(performance.now() - t0);
  const rowsRead = datasets.reduce((n, d) => n + d.rowsRead, 0);
  return {
    datasets,
    skipped,
    ms,
    rowsRead,
    rowsPerSecond: Math.round((rowsRead / Math.max(ms, 1)) * 1000),
    peakRssMb: peakRssMb(),
  };
}

/**
 * The data sets `importAll(executor, dir, options)` would import: those of `only` found under `dir`
 * whose files the graph does not record as loaded (same sha256). Reads only the DataSet nodes, so a
 * store opened read-only can tell whether a start has anything to write.
 */
export async function pendingDataSets(
  executor: QueryExecutor,
  dir: string,
  options: Pick<ImportOptions, 'knownSha256'> & { only?: readonly DatasetName[] } = {},
): Promise<DatasetName[]> {
  const loaded = await loadedDataSets(executor);
  const pending: DatasetName[] = [];
  for (const name of IMPORT_ORDER) {
    if (options.only && !options.only.includes(name)) continue;
    let files;
    try {
      files = resolveFiles(DATASETS[name], dir);
    } catch (e) {
      if (e instanceof DatasetNotFoundError) continue;
      throw e;
    }
    const sums = await checksums(files, options.knownSha256);
    if (!sameFiles(loaded.get(name), sums.sha256)) pending.push(name);
  }
  return pending;
}

/** A plain-text report of one data set's import. */
export function formatSummary(s: ImportSummary): string {
  if (s.alreadyLoaded)
    return `${s.dataset}: already loaded (version ${s.version}, same sha256 of ${s.files.map((f) => basename(f)).join(', ')}): nothing written; --force imports again`;
  const part = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  return [
    `${s.dataset} ${s.version}: ${s.rowsRead} rows from ${s.files.map((f) => basename(f)).join(', ')} in ${(s.ms / 1000).toFixed(2)} s (${s.rowsPerSecond} rows/s, peak RSS ${s.peakRssMb} MB)`,
    `  written (created, or updated where they existed): ${s.totals.nodes} nodes (${part(s.nodes)}), ${s.totals.relationships} relationships (${part(s.relationships)})`,
    ...s.warnings.map((w) => `  note: ${w}`),
  ].join('\n');
}

export function formatAllSummary(s: ImportAllSummary): string {
  return [
    ...s.datasets.map(formatSummary),
    ...s.skipped.map((x) => `${x.dataset}: skipped (${x.reason})`),
    `all: ${s.rowsRead} rows in ${(s.ms / 1000).toFixed(2)} s (${s.rowsPerSecond} rows/s), peak RSS ${s.peakRssMb} MB`,
  ].join('\n');
}

export { ImportFileError };
