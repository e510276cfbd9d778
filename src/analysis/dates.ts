/**
 * Superseded by `src/domain/dates.ts` (same functions). Kept only as a re-export for
 * src/export/dyadYear.export.ts, which is being edited elsewhere; delete this file once that
 * import reads `../domain/index.js`.
 */
export { addYears, overlaps, yearOf } from '../domain/dates.js';
