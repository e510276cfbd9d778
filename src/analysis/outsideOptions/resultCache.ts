/**
 * Outside-option results shared between requests, by data version: when the executor serves with a
 * read cache (`QueryExecutor.withReadCache`, the server's), the scored result of a request already
 * answered at the same data version is reused instead of being read and scored again, so a client
 * looping a heavy query costs the event loop little after its first answer. One cache per read cache
 * (a server), least recently used entries dropped past the read cache's `derivedMaxBytes`
 * (RESULT_CACHE_MB; bytes as `approxBytes` counts them, src/store/byteBudget.ts). Results are
 * shared: the resolvers map them to new GraphQL objects and never mutate them.
 */
import type { QueryExecutor } from '../../store/QueryExecutor.js';
import { ByteLru, type CacheFigures } from '../../store/byteBudget.js';
import type { OptionResult } from './types.js';

export type ResultCache = ByteLru<OptionResult>;

const caches = new WeakMap<object, ResultCache>();

/** The cache of this executor's server, or null when it serves without a read cache (tests, scripts). */
export function resultCacheOf(ex: QueryExecutor): ResultCache | null {
  const owner = ex.readCache;
  if (!owner) return null;
  let cache = caches.get(owner);
  if (!cache) {
    cache = new ByteLru<OptionResult>(owner.derivedMaxBytes);
    caches.set(owner, cache);
  }
  return cache;
}

/** What the result cache of this executor's server holds (for /metrics), or null. */
export function resultCacheFigures(ex: QueryExecutor): CacheFigures | null {
  return resultCacheOf(ex)?.figures() ?? null;
}

export function getResult(cache: ResultCache, key: string): OptionResult | undefined {
  return cache.get(key);
}

export function putResult(cache: ResultCache, key: string, result: OptionResult): void {
  cache.set(key, result);
}
