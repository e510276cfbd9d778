/**
 * One DataLoader for outside options, keyed by the request itself (object keys, `cacheKeyFn`):
 * however many parties a query asks about (`negotiations { partyPositions { outsideOptions } }`
 * over every negotiation), the reads run once for the whole batch, in two waves.
 */
import DataLoader from 'dataloader';
import type { QueryExecutor } from '../../store/QueryExecutor.js';
import { readOptionInputs } from '../../reads/optionInputs.js';
import { scoreOptions } from './scoreOptions.js';
import { requestKey } from './buildRequest.js';
import type { OptionRequest, OptionResult } from './types.js';
import { getResult, putResult, resultCacheOf } from './resultCache.js';

export type OutsideOptionsLoader = DataLoader<OptionRequest, OptionResult, string>;

/** Reads and scores a batch of requests (the loader's batch function, usable on its own). */
export async function assessOutsideOptions(
  ex: QueryExecutor,
  requests: readonly OptionRequest[],
): Promise<OptionResult[]> {
  return (await readOptionInputs(ex, requests)).map(scoreOptions);
}

/** Like `assessOutsideOptions`, reusing the results of earlier requests at the same data version where the server keeps them (./resultCache.ts). */
async function assessWithResultCache(ex: QueryExecutor, requests: readonly OptionRequest[]): Promise<OptionResult[]> {
  const cache = resultCacheOf(ex);
  if (!cache) return assessOutsideOptions(ex, requests);
  const version = await ex.dataVersion();
  const keys = requests.map((r) => `${version}\u0000${requestKey(r)}`);
  const out = keys.map((k) => getResult(cache, k));
  const missing = requests.filter((_, i) => out[i] === undefined);
  if (missing.length) {
    const fresh = await assessOutsideOptions(ex, missing);
    let j = 0;
    for (let i = 0; i < out.length; i++) {
      if (out[i] !== undefined) continue;
      out[i] = fresh[j++]!;
      putResult(cache, keys[i]!, out[i]!);
    }
  }
  return out as OptionResult[];
}

/**
 * The batch waits for the end of the event-loop turn (`setImmediate`), not the microtask DataLoader
 * waits by default: the parties of a page reach this loader after a few loader hops each, and a party
 * whose hops resolve sooner (no plan to read posers for) would otherwise start a batch of its own.
 */
export function createOutsideOptionsLoader(ex: QueryExecutor): OutsideOptionsLoader {
  return new DataLoader<OptionRequest, OptionResult, string>((requests) => assessWithResultCache(ex, requests), {
    cacheKeyFn: requestKey,
    batchScheduleFn: (dispatch) => setImmediate(dispatch),
  });
}
