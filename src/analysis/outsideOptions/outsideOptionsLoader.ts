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
import { Pacer, REQUEST_SLICE_MS } from '../../pacer.js';

export type OutsideOptionsLoader = DataLoader<OptionRequest, OptionResult, string>;

/**
 * Reads and scores a batch of requests (the loader's batch function, usable on its own). The JS work
 * is paced (src/pacer.ts) and, with `signal` (the request's), stops at its deadline. `scored` is told
 * of each result as soon as it is scored, inside the paced work: what a request scored before its
 * deadline is not lost with it.
 */
export async function assessOutsideOptions(
  ex: QueryExecutor,
  requests: readonly OptionRequest[],
  signal?: AbortSignal,
  scored?: (index: number, result: OptionResult) => void,
): Promise<OptionResult[]> {
  const pacer = new Pacer(REQUEST_SLICE_MS, signal);
  const results: OptionResult[] = [];
  for (const inputs of await readOptionInputs(ex, requests, pacer)) {
    if (pacer.due()) await pacer.turn();
    const result = scoreOptions(inputs);
    scored?.(results.length, result);
    results.push(result);
  }
  return results;
}

/**
 * Like `assessOutsideOptions`, reusing the results of earlier requests at the same data version where
 * the server keeps them (./resultCache.ts). Each result is kept as it is scored: a long batch (a
 * series of 204 years) cut by its deadline leaves what it scored for the next request, which goes on
 * from there instead of starting again.
 */
async function assessWithResultCache(
  ex: QueryExecutor,
  requests: readonly OptionRequest[],
  signal?: AbortSignal,
): Promise<OptionResult[]> {
  const cache = resultCacheOf(ex);
  if (!cache) return assessOutsideOptions(ex, requests, signal);
  const version = await ex.dataVersion();
  const keys = requests.map((r) => `${version}\u0000${requestKey(r)}`);
  const out = keys.map((k) => getResult(cache, k));
  const missing = requests.filter((_, i) => out[i] === undefined);
  if (missing.length) {
    const missingKeys = keys.filter((_, i) => out[i] === undefined);
    const fresh = await assessOutsideOptions(ex, missing, signal, (j, result) =>
      putResult(cache, missingKeys[j]!, result),
    );
    let j = 0;
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = fresh[j++]!;
  }
  return out as OptionResult[];
}

/**
 * `signal`: the request's (deadline, client gone), which stops the scoring between slices;
 * `schedule`: when batches go out (the request's, see createLoaders).
 */
export function createOutsideOptionsLoader(
  ex: QueryExecutor,
  signal?: AbortSignal,
  schedule?: (dispatch: () => void) => void,
): OutsideOptionsLoader {
  return new DataLoader<OptionRequest, OptionResult, string>(
    (requests) => assessWithResultCache(ex, requests, signal),
    { cacheKeyFn: requestKey, batchScheduleFn: schedule },
  );
}
