/**
 * One DataLoader for outside options, keyed by the request itself (object keys, `cacheKeyFn`):
 * however many parties a query asks about (`negotiations { partyPositions { outsideOptions } }`
 * over every negotiation), the reads run once for the whole batch, in two waves.
 */
import DataLoader from 'dataloader';
import type { QueryExecutor } from '../../store/QueryExecutor.js';
import { fetchOptionData } from './fetchOptionData.js';
import { scoreOptions } from './scoreOptions.js';
import { requestKey } from './buildRequest.js';
import type { OptionRequest, OptionResult } from './types.js';

export type OutsideOptionsLoader = DataLoader<OptionRequest, OptionResult, string>;

/** Reads and scores a batch of requests (the loader's batch function, usable on its own). */
export async function assessOutsideOptions(ex: QueryExecutor, requests: readonly OptionRequest[]): Promise<OptionResult[]> {
  return (await fetchOptionData(ex, requests)).map(scoreOptions);
}

export function createOutsideOptionsLoader(ex: QueryExecutor): OutsideOptionsLoader {
  return new DataLoader<OptionRequest, OptionResult, string>((requests) => assessOutsideOptions(ex, requests), { cacheKeyFn: requestKey });
}
