/** The data sets the importer knows, in the order `import all` runs them. */
import { atop } from './atop.importer.js';
import { cdb90 } from './cdb90.importer.js';
import { cowStates } from './cowStates.importer.js';
import { cowWars } from './cowWars.importer.js';
import { mid } from './mid.importer.js';
import { nmc } from './nmc.importer.js';
import { rivalries } from './rivalries.importer.js';
import { threat } from './threat.importer.js';
import { DATASET_NAMES, type Dataset, type DatasetName } from './types.js';

/**
 * States first (every other data set points at them, and COW names them), then the state-year
 * series, alliances, disputes, wars, the battles that point at the wars, and the rivalries.
 */
export const DATASETS: Record<DatasetName, Dataset> = {
  'cow-states': cowStates,
  nmc,
  threat,
  atop,
  mid,
  'cow-wars': cowWars,
  cdb90,
  rivalries,
};

export const IMPORT_ORDER: readonly DatasetName[] = DATASET_NAMES;

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}
