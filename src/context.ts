/**
 * The typed per-request context: a request id, the executor (counting this request's store round
 * trips, and stopped by the request's AbortSignal: deadline or client gone), fresh DataLoaders,
 * the configured limits and the concurrency slots the request holds.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { QueryExecutor } from './store/QueryExecutor.js';
import { createLoaders, type Loaders } from './loaders/createLoaders.js';
import { createAnalysisContext, type AnalysisContext } from './analysis/AnalysisContext.js';
import type { HeldSlots } from './limits/useCostLimit.js';
import type { StoreGate } from './limits/storeGate.js';
import type { Deadline } from './limits/deadline.js';
import type { ResponseBudget } from './limits/responseBudget.js';
import { BatchHold } from './pacer.js';

export interface RequestContext {
  requestId: string;
  executor: QueryExecutor;
  loaders: Loaders;
  /** The analysis' view of this request: negotiation data and batched outside options. */
  analysis: AnalysisContext;
  limits: Config['limits'];
  /** Store round trips made so far by this request (also reported in `extensions.roundTrips`). */
  roundTrips: { count: number };
  /** Aborted when the request's deadline passes or its client goes away (undefined: no deadline). */
  signal?: AbortSignal;
  /** The HTTP request's deadline, whose clock long work checks without waiting for its timer. */
  deadline?: Deadline;
  /** What the result may still grow by (given by limits/useResponseBudget.ts when the request starts). */
  budget?: ResponseBudget;
  /** Concurrency slots taken by this request, released when it ends. */
  held: HeldSlots;
  /** When this request's DataLoader batches go out: held while its resolution is paced (src/pacer.ts). */
  batches: BatchHold;
}

/**
 * `stop`: what ends the request early, a bare signal or an HTTP request's deadline (limits/deadline.ts).
 * `gate` (the server's, see limits/storeGate.ts): this request's reads wait their turn there, so
 * one request cannot flood the store and the event loop.
 */
export function createContext(
  base: QueryExecutor,
  limits: Config['limits'],
  requestId: string = randomUUID(),
  stop?: AbortSignal | Deadline,
  gate?: StoreGate,
): RequestContext {
  const deadline = stop instanceof AbortSignal ? undefined : stop;
  const signal = stop instanceof AbortSignal ? stop : stop?.signal;
  const roundTrips = { count: 0 };
  let executor = base.forRequest(
    requestId,
    [
      () => {
        roundTrips.count += 1;
      },
    ],
    signal,
  );
  if (gate) executor = gated(executor, gate, requestId, signal);
  const batches = new BatchHold();
  const loaders = createLoaders(executor, batches.schedule);
  return {
    requestId,
    executor,
    loaders,
    analysis: createAnalysisContext(executor, loaders, signal, batches.schedule),
    limits,
    roundTrips,
    signal,
    deadline,
    held: { release: [] },
    batches,
  };
}

/** The executor with its reads passed through `gate` (same object otherwise: prototype chain). */
function gated(ex: QueryExecutor, gate: StoreGate, key: string, signal?: AbortSignal): QueryExecutor {
  const g = Object.create(ex) as QueryExecutor;
  const read = ex.read.bind(ex) as (...args: unknown[]) => Promise<unknown[]>;
  (g as unknown as { read: (...args: unknown[]) => Promise<unknown[]> }).read = (...args: unknown[]) =>
    gate.run(key, signal, () => read(...args));
  return g;
}
