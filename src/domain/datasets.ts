/**
 * The published data sets the graph imports, by the names users type (`DATA_SETS=atop,nmc`,
 * `npm run import -- nmc <path>`), in the order they are imported: states first (every other set
 * names states), ATOP before the sets whose evidence refers to alliances.
 */
export const DATASET_NAMES = ['cow-states', 'nmc', 'threat', 'atop', 'mid', 'cow-wars', 'cdb90', 'rivalries'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];
