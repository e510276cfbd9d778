/**
 * Outside options: build a request (`buildRequest`), read what it needs (`readOptionInputs`, src/reads), score
 * it with pure functions (`scoreOptions`); `createOutsideOptionsLoader` batches the three per request.
 */
export type { AllyComponents, AlternativeAlly, OptionInputs, OptionRequest, OptionResult, Reason } from './types.js';
export { dateRequest, negotiationRequest, requestKey } from './buildRequest.js';
export { readOptionInputs } from '../../reads/optionInputs.js';
export { allyScore, scoreAlternativeAllies, scoreBuckPassing, scoreOptions, scoreUnilateral } from './scoreOptions.js';
export { assessOutsideOptions, createOutsideOptionsLoader, type OutsideOptionsLoader } from './outsideOptionsLoader.js';
export {
  MAX_SERIES_YEARS,
  SERIES_FIRST_YEAR,
  SERIES_LAST_YEAR,
  SERIES_STEPS,
  checkSeriesArgs,
  checkSeriesQuery,
  checkSeriesYear,
  midpoint,
  outsideOptionsSeries,
  seriesDates,
  seriesRequest,
  type SeriesArgs,
  type SeriesEra,
  type SeriesPoint,
  type SeriesQuery,
  type SeriesStep,
} from './series.js';
