/**
 * The fitted model for the store's current data: the cases, the full fit, every leave-one-out fit
 * with their evaluation, and the bootstrap replicates behind each probability's interval. Computed
 * in a worker (../modelWorker.ts), cached per store and data version (the stamp every seed and import
 * transaction bumps, so another process's import is seen too: one indexed read per request), and
 * shared by the requests of that version.
 */
import type { GraphStore } from '../../store/GraphStore.js';
import { fitModel, type Evaluation } from '../agreementModel.js';
import type { LogisticFit } from '../logisticModel.js';
import { fitInWorker, type Replicate } from '../modelWorker.js';
import { gatherCases, type AgreementData, type CaseData } from './cases.js';

export interface ModelState {
  cases: Map<string, CaseData>;
  /** Negotiations with an outcome that are not cases of the model, with the reason. */
  notModelled: Map<string, string>;
  full: LogisticFit;
  fitWithout(key: string): LogisticFit;
  evaluation(): Evaluation;
  replicates: Replicate[];
}

const cache = new WeakMap<GraphStore, { version: string; state: Promise<ModelState> }>();

async function buildState(a: AgreementData, signal?: AbortSignal): Promise<ModelState> {
  const { cases, notModelled } = await gatherCases(a);
  const all = [...cases.values()];
  const fits = await fitInWorker(all, signal);
  const fitWithout = (key: string) => {
    let fit = fits.without.get(key);
    if (!fit) {
      // not a case of the fit (cannot happen for `cases`' own keys)
      fit = fitModel(all.filter((c) => c.key !== key));
      fits.without.set(key, fit);
    }
    return fit;
  };
  return {
    cases,
    notModelled,
    full: fits.full,
    fitWithout,
    evaluation: () => fits.evaluation,
    replicates: fits.replicates,
  };
}

/** Per request: the data version is checked once, not once per field. */
const perRequest = new WeakMap<AgreementData, Promise<ModelState>>();

/**
 * The model state for the store's current data (cached until the data change). A request waits for
 * a fit under way no longer than its deadline: the fit goes on for the next request.
 */
export function modelState(a: AgreementData): Promise<ModelState> {
  let state = perRequest.get(a);
  if (!state) {
    state = a.executor.withinRequest(currentModelState(a));
    perRequest.set(a, state);
  }
  return state;
}

async function currentModelState(a: AgreementData, signal?: AbortSignal): Promise<ModelState> {
  const version = await a.executor.dataVersion();
  const store = a.executor.store;
  const hit = cache.get(store);
  if (hit && hit.version === version) return hit.state;
  const state = buildState(a, signal);
  cache.set(store, { version, state });
  state.catch(() => cache.delete(store));
  return state;
}

/**
 * Fits the model for the store's current data before a request needs it (the server calls it once
 * it listens): the cases are gathered here, the fits run in a worker. Never rejects: a failure goes to
 * `onError`, and the next request that needs the model tries again. `signal` (the server stopping)
 * stops the fit, worker included; `a`'s executor should carry the same signal (no further store call).
 */
export async function prefitModel(
  a: AgreementData,
  onError?: (e: unknown) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await currentModelState(a, signal);
  } catch (e) {
    onError?.(e);
  }
}
