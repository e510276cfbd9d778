/**
 * What the analysis needs from a request: the executor, the negotiations through a small data
 * interface, and the batched outside options. Built once per request by `createContext`.
 */
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { Loaders } from '../loaders/createLoaders.js';
import { negotiationDataFrom, type NegotiationData } from './negotiationData.js';
import { createOutsideOptionsLoader, type OutsideOptionsLoader } from './outsideOptions/index.js';

export interface AnalysisContext {
  executor: QueryExecutor;
  negotiations: NegotiationData;
  outsideOptions: OutsideOptionsLoader;
}

/** `signal`: the request's, which also stops the analysis' JS work between slices (src/pacer.ts). */
export function createAnalysisContext(
  executor: QueryExecutor,
  loaders: Loaders,
  signal?: AbortSignal,
): AnalysisContext {
  return {
    executor,
    negotiations: negotiationDataFrom(loaders),
    outsideOptions: createOutsideOptionsLoader(executor, signal),
  };
}
