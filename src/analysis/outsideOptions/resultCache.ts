/**
 * Outside-option results shared between requests, by data version: when the executor serves with a
 * read cache (`QueryExecutor.withReadCache`, the server's), the scored result of a request already
 * answered at the same data version is reused instead of being read and scored again, so a client
 * looping a heavy query costs the event loop little after its first answer. One cache per read cache
 * (a server), least recently used entries dropped past `MAX_RESULTS`. Results are shared: the
 * resolvers map them to new GraphQL objects and never mutate them.
 */
import type { QueryExecutor } from '../../store/QueryExecutor.js';
import type { OptionResult } from './types.js';

export const MAX_RESULTS = 20_000;

const caches = new WeakMap<object, Map<string, OptionResult>>();

/** The cache of this executor's server, or null when it serves without a read cache (tests, scripts). */
export function resultCacheOf(ex: QueryExecutor): Map<string, OptionResult> | null {
  const owner = ex.readCache;
  if (!owner) return null;
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  return cache;
}

export function getResult(cache: Map<string, OptionResult>, key: string): OptionResult | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

export function putResult(cache: Map<string, OptionResult>, key: string, result: OptionResult): void {
  cache.set(key, result);
  if (cache.size > MAX_RESULTS) cache.delete(cache.keys().next().value!);
}
