/**
 * The typed per-request context: a request id, the executor (counting this request's store round
 * trips), fresh DataLoaders and the configured limits.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { QueryExecutor } from './store/QueryExecutor.js';
import { createLoaders, type Loaders } from './loaders/createLoaders.js';

export interface RequestContext {
  requestId: string;
  executor: QueryExecutor;
  loaders: Loaders;
  limits: Config['limits'];
  /** Store round trips made so far by this request (also reported in `extensions.roundTrips`). */
  roundTrips: { count: number };
}

export function createContext(base: QueryExecutor, limits: Config['limits'], requestId: string = randomUUID(), signal?: AbortSignal): RequestContext {
  const roundTrips = { count: 0 };
  const executor = base.forRequest(requestId, [() => { roundTrips.count += 1; }], signal);
  return { requestId, executor, loaders: createLoaders(executor), limits, roundTrips };
}
