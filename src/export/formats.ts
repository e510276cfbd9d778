/**
 * The names of the exports, one list for the HTTP routes (`/export/<name>`), the command line
 * (`export <name>`, its help and its errors): kept apart from ./index.ts so that naming them loads
 * none of the writers.
 */

/** The graph formats: a date (`at`) or a range (`from`, `to`), see ./index.ts. */
export const EXPORT_FORMATS = ['gexf', 'graphml', 'cytoscape', 'graphology', 'dyad-year', 'state-year'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A state's outside options over time (./optionsSeries.export.ts): a state and a range of years. */
export const OPTIONS_SERIES = 'options-series';

/** Every export a user can ask for, by name. */
export const EXPORT_NAMES = [...EXPORT_FORMATS, OPTIONS_SERIES] as const;
