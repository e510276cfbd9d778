/** What every data-set importer produces: validated rows, ready to write, and what they stand for. */
import type { DatasetSource } from './sources.js';
import type { RemoveStep, WriteStep } from './writeStep.js';

import type { DatasetName, YearSpan } from '../domain/index.js';

export { DATASET_NAMES, type DatasetName } from '../domain/index.js';

export interface PreparedImport {
  dataset: DatasetName;
  /** The files read, by path. */
  files: string[];
  /** sha256 of each file as the first reading saw it (decompressed for `.gz`), by path: what the `DataSet` node records. */
  sha256?: Record<string, string>;
  /** Data rows read from the files (headers not counted). */
  rowsRead: number;
  /** The years the rows cover, read from them at the first reading (`Years`); null when the files give no years. */
  coverage: YearSpan | null;
  sources: DatasetSource[];
  steps: WriteStep[];
  /**
   * Run after `steps`, in the same transaction: remove what an earlier import wrote that the files no
   * longer hold, and withdraw the data set's part of what another writer also holds (README, "Re-imports
   * replace"), so that the graph equals the files the DataSet records.
   */
  removals: RemoveStep[];
  /** Distinct nodes written, by label, and relationships, by type: to split "created" from "updated". */
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Rows kept out of the graph, with why (never silently). */
  warnings: string[];
}

/** A file of a data set, found by name in the directory the user gives. */
export interface FileSpec {
  id: string;
  pattern: RegExp;
  /** What the file is, for messages. */
  description: string;
  /** The data set can be imported without it (at least one file of the set must be there). */
  optional?: boolean;
}

export interface Dataset {
  name: DatasetName;
  title: string;
  files: FileSpec[];
  /**
   * Reads and validates every file (throws ImportFileError naming file, line and column); writes
   * nothing. Large steps are `StreamedRows`: the files are read again, row by row, when written.
   */
  prepare(files: Record<string, string>): Promise<PreparedImport>;
}
