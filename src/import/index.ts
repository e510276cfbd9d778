export {
  importDataset,
  importAll,
  pendingDataSets,
  resolveFiles,
  writePrepared,
  formatSummary,
  formatAllSummary,
  DEFAULT_BATCH_SIZE,
  DatasetNotFoundError,
  type ImportSummary,
  type ImportAllSummary,
  type ImportOptions,
} from './runImport.js';
export { ImportFileError, readCsv } from './csv.js';
export { CuratedValuesMissingError } from './atop.importer.js';
export { DATASETS, IMPORT_ORDER, isDatasetName } from './registry.js';
export { barProgress, silentProgress, type ProgressReporter } from './progress.js';
export { DATASET_NAMES, type DatasetName, type Dataset, type PreparedImport } from './types.js';
