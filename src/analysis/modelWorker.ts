/**
 * The numeric part of the agreement model off the main thread: the full fit and every
 * leave-one-out fit of a set of training cases (plain rows: key, outcome, feature vector), in a
 * `worker_threads` Worker. About 50 ms a fit on the full record, 144 of them: seconds of
 * synchronous JS that would otherwise stall every request (and /healthz) of the process.
 *
 * `fitInWorker(cases)` runs one job in a fresh worker (it exits when done; unref'd, so it never
 * keeps the process alive). The worker runs this same module: from `dist/` (`npm start`) as
 * JavaScript; from the TypeScript sources (vitest, tsx) through tsx's loader. Where a worker cannot
 * start (no tsx beside the sources, a restricted runtime), the job runs here, on the calling thread:
 * the same numbers, only not off the loop. The results are the same bit for bit either way (same
 * code, same IEEE arithmetic).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { evaluateLeaveOneOut, fitModel, type Evaluation, type TrainingCase } from './agreementModel.js';
import type { LogisticFit } from './logisticModel.js';
import { seededRandom } from './bootstrap.js';

/** One bootstrap replicate: a fit on a resample of the cases, and the keys it drew (the others are out of its bag). */
export interface Replicate {
  fit: LogisticFit;
  drawn: string[];
}

/** Replicates per fit: enough for a 90 % percentile interval from the ~37 % of them each case is out of. */
export const REPLICATES = 200;
const REPLICATE_SEED = 1949;

export interface ModelFits {
  full: LogisticFit;
  /** The fit without each case, by its key (leave-one-out). */
  without: Map<string, LogisticFit>;
  /** The leave-one-out evaluation of those fits. */
  evaluation: Evaluation;
  /** Bootstrap replicates: fits on cases resampled with replacement (seeded), each with the keys it drew. */
  replicates: Replicate[];
  /** Where the job ran: 'worker', or 'main thread' when no worker could start. */
  ranIn: 'worker' | 'main thread';
}

interface Job {
  cases: TrainingCase[];
}
/** The key of the job in `workerData`: this module is imported in other worker threads too (vitest's), which must not take it for a job. */
const JOB = 'allianceGraphModelFitJob';
type Fits = { full: LogisticFit; without: [string, LogisticFit][]; evaluation: Evaluation; replicates: Replicate[] };
type Reply = ({ ok: true } & Fits) | { ok: false; error: string };

/** The job itself: plain data in, plain data out. */
export function fitAll(cases: readonly TrainingCase[]): Fits {
  const full = fitModel(cases);
  const without: [string, LogisticFit][] = cases.map((c) => [c.key, fitModel(cases.filter((o) => o.key !== c.key))]);
  const byKey = new Map(without);
  const rand = seededRandom(REPLICATE_SEED);
  const replicates: Replicate[] = Array.from({ length: cases.length ? REPLICATES : 0 }, () => {
    const sample = Array.from({ length: cases.length }, () => cases[Math.floor(rand() * cases.length)]!);
    return { fit: fitModel(sample), drawn: [...new Set(sample.map((c) => c.key))] };
  });
  return {
    full,
    without,
    evaluation: evaluateLeaveOneOut(cases, (key) => byKey.get(key) ?? fitModel(cases.filter((o) => o.key !== key))),
    replicates,
  };
}

const here = import.meta.url;
const fromSources = here.endsWith('.ts');

/**
 * Sources: the worker registers tsx's loader (a dev dependency, there whenever the sources run)
 * before it imports this module (Node 20 does not apply `--import tsx` of a worker's execArgv to its
 * entry). dist/: plain JavaScript, the module itself.
 */
function startWorker(job: Job): Worker {
  const workerData = { [JOB]: job };
  if (!fromSources) return new Worker(new URL(here), { workerData, execArgv: [] });
  // tsx's ESM API (its CommonJS build cannot register from an eval'd worker).
  const tsxApi = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(here)}); });`;
  return new Worker(boot, { eval: true, workerData, execArgv: [] });
}

/**
 * Fits the full model and every leave-one-out model in a worker thread (on this thread if none can
 * start). `signal` aborted: the worker is terminated and the promise rejects with its reason.
 */
export function fitInWorker(cases: readonly TrainingCase[], signal?: AbortSignal): Promise<ModelFits> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  const onThisThread = (): ModelFits => {
    const r = fitAll(cases);
    return { ...r, without: new Map(r.without), ranIn: 'main thread' };
  };
  let worker: Worker;
  try {
    worker = startWorker({ cases: cases.map((c) => ({ key: c.key, outcome: c.outcome, x: c.x })) });
  } catch {
    return Promise.resolve().then(onThisThread);
  }
  worker.unref();
  return new Promise<ModelFits>((resolve, reject) => {
    let settled = false;
    signal?.addEventListener(
      'abort',
      () => {
        if (!settled) {
          settled = true;
          void worker.terminate();
          reject(signal.reason);
        }
      },
      { once: true },
    );
    worker.once('message', (reply: Reply) => {
      settled = true;
      if (reply.ok)
        resolve({
          full: reply.full,
          without: new Map(reply.without),
          evaluation: reply.evaluation,
          replicates: reply.replicates,
          ranIn: 'worker',
        });
      else reject(new Error(`model fit failed: ${reply.error}`));
    });
    // A worker that cannot load (e.g. no tsx) fails before it answers: fit here instead.
    worker.once('error', () => {
      if (!settled) {
        settled = true;
        try {
          resolve(onThisThread());
        } catch (e) {
          reject(e);
        }
      }
    });
    worker.once('exit', () => {
      if (!settled) {
        settled = true;
        try {
          resolve(onThisThread());
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}

// Inside the worker: run the job, answer once, exit.
const job = isMainThread ? undefined : (workerData as Record<string, Job> | null)?.[JOB];
if (job && parentPort) {
  let reply: Reply;
  try {
    reply = { ok: true, ...fitAll(job.cases) };
  } catch (e) {
    reply = { ok: false, error: (e as Error).message };
  }
  parentPort.postMessage(reply);
}
