/**
 * The embedded store's record of what it last committed (issue 28 §5). Grafeo keeps committed
 * transactions in a write-ahead log beside its file (`<file>.wal/`) and folds them into the file
 * only when the database is closed: a WAL truncated or deleted before that loses them, and Grafeo
 * opens the file without a word. So after each writing transaction the executor writes, beside the
 * file, the graph's data version and its DataSet records (`<file>.committed.json`, replaced
 * atomically); at open the graph is compared with it, and what is missing is named.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { QueryHandle } from './QueryHandle.js';
import { dataSetsAll, dataVersion } from './queries.gen.js';

/** What this module needs of the executor (QueryExecutor, which calls it after each commit). */
interface Reader {
  read<R>(query: QueryHandle<Record<string, never>, R>): Promise<R[]>;
}

export interface CommitRecord {
  /** The graph's data version after the transaction (`cypher/bumpDataVersion.cypher`). */
  version: number;
  dataSets: { name: string; version: string; sha256: string[] }[];
  at: string;
}

/** What the graph lacks of the last commit recorded beside it. */
export interface CommitLoss {
  marker: string;
  recordedVersion: number;
  graphVersion: number;
  /** DataSet records committed and now absent, or holding other files (by name). */
  lostDataSets: string[];
  message: string;
}

export const commitMarkerPath = (file: string): string => `${file}.committed.json`;

async function current(executor: Reader): Promise<CommitRecord> {
  const [v] = await executor.read(dataVersion);
  const sets = await executor.read(dataSetsAll);
  return {
    version: v?.version ?? 0,
    dataSets: sets.map((d) => ({ name: d.name, version: d.version, sha256: d.sha256 })),
    at: new Date().toISOString(),
  };
}

/** Writes the marker for the graph as it is now (after a commit). */
export async function recordCommit(executor: Reader, file: string): Promise<void> {
  const marker = commitMarkerPath(file);
  writeFileSync(`${marker}.tmp`, JSON.stringify(await current(executor), null, 1));
  renameSync(`${marker}.tmp`, marker);
}

/** Compares the graph with the marker beside `file`: null when nothing committed is missing (or no marker yet). */
export async function lostCommits(executor: Reader, file: string): Promise<CommitLoss | null> {
  const marker = commitMarkerPath(file);
  if (!existsSync(marker)) return null;
  const recorded = JSON.parse(readFileSync(marker, 'utf8')) as CommitRecord;
  const now = await current(executor);
  const held = new Map(now.dataSets.map((d) => [d.name, d.sha256.join(',')]));
  const lost = recorded.dataSets.filter((d) => held.get(d.name) !== d.sha256.join(','));
  if (now.version >= recorded.version && !lost.length) return null;
  const lostDataSets = lost.map((d) => d.name);
  return {
    marker,
    recordedVersion: recorded.version,
    graphVersion: now.version,
    lostDataSets,
    message:
      `The store ${file} lost committed transactions: its data version is ${now.version}, ` +
      `${recorded.version} was committed (${recorded.at}, ${marker}); its write-ahead log (${file}.wal) was truncated or deleted before it was folded into the file. ` +
      (lostDataSets.length
        ? `Data sets lost: ${lost.map((d) => `${d.name} ${d.version}`).join(', ')}. The shipped ones (DATA_SETS) are imported again at start; import any other again (npm run import).`
        : 'No data set record is missing; the curated seed is loaded again if the graph is empty.'),
  };
}
