/**
 * The response budget of one GraphQL request, charged while its result is built rather than
 * estimated beforehand: every field resolved is a node, every list item another, and the response
 * keys and string values count their length in bytes (roughly: what the JSON will hold). Past
 * `maxNodes` (MAX_RESPONSE_NODES) or `maxBytes` (MAX_RESPONSE_BYTES) the request stops with
 * RESPONSE_TOO_LARGE instead of building the rest in memory: the cost model (./cost.ts) counts a
 * list at what most parents hold, and a document that picks the largest ones gets this far and no
 * further.
 *
 * The same walk bounds the time and memory spent after the store reads. Resolution is paced
 * (src/pacer.ts): when the slice of work the requests share is used up, the fields still to resolve
 * wait in a queue that is let through a slice at a time (so /healthz and other requests are answered
 * in between), and unless the request was stopped meanwhile; the request's DataLoader batches wait
 * for the queue to empty, so that pacing does not turn one store round trip per level into several.
 * Every CHECK_EVERY nodes the budget checks the deadline by the clock (TIMEOUT even when no timer
 * could fire) and the heap (OVERLOADED over MAX_HEAP_SHARE, ./heapGuard.ts). After a stop, every field
 * still to resolve gets the same rejected promise, and the response keeps one error per stop
 * (./useResponseBudget.ts): the rest of a stopped request costs little.
 *
 * `countResolvedFields` wraps each field's resolver of a schema once; a request without a budget in
 * its context (scripts, prefit) resolves as before.
 */
import {
  defaultFieldResolver,
  isObjectType,
  locatedError,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { ResponseTooLargeError, type AppError } from '../errors/index.js';
import type { Deadline } from './deadline.js';
import type { HeapGuard } from './heapGuard.js';
import { nextTurn, Pacer, REQUEST_SLICE_MS, type BatchHold } from '../pacer.js';

/** Nodes between two checks of the clock, the deadline and the heap. */
const CHECK_EVERY = 256;
export interface ResponseBudgetOptions {
  maxNodes: number;
  maxBytes: number;
  deadline?: Deadline;
  heap?: HeapGuard;
  /** Retry-After of an OVERLOADED refusal, in seconds. */
  retryAfter?: number;
  /** The request's DataLoader batches, held while the queue is let through (one batch per level). */
  batches?: BatchHold;
}

export class ResponseBudget {
  nodes = 0;
  bytes = 0;
  private stopped: Error | undefined;
  private nextCheck = CHECK_EVERY;
  private readonly pacer = new Pacer(REQUEST_SLICE_MS);
  /** Fields waiting for a slice of the event loop, in the order they came (see `pause`). */
  private waiting: (() => void)[] = [];
  private released = 0;
  private pumping = false;
  private readonly located = new WeakMap<Error, GraphQLError>();
  /** What every field asked after the stop gets: one rejected promise, already handled. */
  private rejection: Promise<never> | undefined;

  constructor(private readonly options: ResponseBudgetOptions) {}

  /** `e` is what stopped the request (the budget, the deadline, the client gone). */
  stoppedBy(e: unknown): boolean {
    return e !== undefined && (e === this.stopped || e === this.options.deadline?.signal.reason);
  }

  /** Throws once the request is stopped (over budget, past the deadline, cancelled). */
  alive(): void {
    if (this.stopped) throw this.stopped;
    const signal = this.options.deadline?.signal;
    if (signal?.aborted) throw signal.reason;
  }

  /** A field is about to resolve under the response key `key`. */
  field(key: string): void {
    this.alive();
    this.nodes += 1;
    this.bytes += key.length + 4;
    this.over();
  }

  /** What a field resolved to. */
  value(v: unknown): void {
    if (Array.isArray(v)) {
      this.nodes += v.length;
      this.bytes += v.length + 2;
    } else if (typeof v === 'string') this.bytes += v.length + 2;
    else this.bytes += 6;
    this.over();
  }

  /**
   * A promise to wait on before resolving the next field when this slice of resolution is used up,
   * else undefined. Checks the deadline and the heap on the way.
   *
   * Once the slice is used up, every field that comes waits in a queue, and the queue is let through
   * one field at a time while the slice lasts (`pump`): a field let through runs (its resolver, and
   * the fields graphql-js completes from its value, which join the queue) before the next is let
   * through, and when the slice is spent the rest wait for the next turn of the event loop. Letting
   * them all through at once at the turn would resolve a whole level of the result (240,000 items
   * in the reliability issue's request) in one stretch.
   */
  pause(): Promise<void> | undefined {
    if (this.pumping) return this.enqueue();
    if (this.nodes < this.nextCheck) return undefined;
    this.nextCheck = this.nodes + CHECK_EVERY;
    this.checkpoint();
    if (!this.pacer.due()) return undefined;
    return this.enqueue();
  }

  private enqueue(): Promise<void> {
    const wait = new Promise<void>((go) => this.waiting.push(go));
    if (!this.pumping) {
      this.pumping = true;
      void this.pump();
    }
    return wait;
  }

  /** Lets the waiting fields through in order, a slice of the event loop at a time. */
  private async pump(): Promise<void> {
    this.options.batches?.hold();
    try {
      await nextTurn();
      for (;;) {
        if (this.released === this.waiting.length) {
          // Empty for now: once the work already started has settled, more may have come.
          await settled();
          if (this.released === this.waiting.length) break;
        }
        if (this.pacer.due()) await nextTurn();
        if (this.released % CHECK_EVERY === 0) {
          try {
            this.checkpoint();
          } catch {
            /* the fields let through from here on find the request stopped */
          }
        }
        this.waiting[this.released++]!();
        // The field's own work runs before the next field is let through: all of it, the promise jobs
        // it queues included (graphql-js completes a value a few jobs after its turn: with one job's
        // wait the queue ran ahead, let a thousand lists through in one slice and they ran together).
        await settled();
      }
    } finally {
      this.waiting = [];
      this.released = 0;
      this.pumping = false;
      this.options.batches?.release();
    }
  }

  private checkpoint(): void {
    try {
      this.options.deadline?.check();
      this.options.heap?.check(this.options.retryAfter ?? 2);
    } catch (e) {
      this.stop(e as AppError);
    }
  }

  private over(): void {
    if (this.stopped) throw this.stopped;
    const { maxNodes, maxBytes } = this.options;
    if (this.nodes > maxNodes) this.stop(new ResponseTooLargeError('nodes', maxNodes, 'MAX_RESPONSE_NODES'));
    if (this.bytes > maxBytes) this.stop(new ResponseTooLargeError('bytes', maxBytes, 'MAX_RESPONSE_BYTES'));
  }

  /** A rejected promise of `e` located (see `locate`): after a stop, one for all the fields still to come. */
  rejected(e: unknown, info: GraphQLResolveInfo): Promise<never> {
    const located = this.locate(e, info);
    if (e !== this.stopped && e !== this.options.deadline?.signal.reason) return Promise.reject(located);
    if (!this.rejection) {
      this.rejection = Promise.reject(located);
      this.rejection.catch(() => undefined);
    }
    return this.rejection;
  }

  /**
   * `e` located at the first field it stopped, once: graphql-js passes on an error that has a path
   * as it is, where it would build a new one, with its stack and source locations, for each of the
   * thousands of fields a stopped request still had to resolve.
   */
  locate(e: unknown, info: GraphQLResolveInfo): unknown {
    if (!(e instanceof Error)) return e;
    let l = this.located.get(e);
    if (!l) {
      const path: (string | number)[] = [];
      for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
      l = locatedError(e, info.fieldNodes, path);
      this.located.set(e, l);
    }
    return l;
  }

  /** Stops the request: every field still to resolve throws `reason`, no further store call starts. */
  private stop(reason: Error): never {
    this.stopped ??= reason;
    this.options.deadline?.abort(this.stopped);
    throw this.stopped;
  }
}

/**
 * Resolves once the promise jobs queued so far, and those they queue, have run (a tick queued from a
 * promise job runs after the job queue is empty): the point at which DataLoader sends its batches.
 */
const settled = () => new Promise<void>((done) => void Promise.resolve().then(() => process.nextTick(done)));

const counted = Symbol('countResolvedFields');

/**
 * Wraps every field resolver of `schema` (once) to charge `context.budget` as the result is built. A
 * stop is returned as a rejected promise, never thrown: graphql-js completes a list item by item, and
 * a throw there would leave the promises of the items before it to reject unhandled (a crash under
 * Node's default `--unhandled-rejections=throw`).
 */
export function countResolvedFields(schema: GraphQLSchema): void {
  const marked = schema as GraphQLSchema & { [counted]?: true };
  if (marked[counted]) return;
  marked[counted] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const budget = (context as { budget?: ResponseBudget } | undefined)?.budget;
        if (!budget) return resolve(source, args, context, info);
        let turn: Promise<void> | undefined;
        try {
          budget.field(typeof info.path.key === 'string' ? info.path.key : '');
          turn = budget.pause();
        } catch (e) {
          return budget.rejected(e, info);
        }
        if (!turn) return settle(budget, info, resolve(source, args, context, info));
        return turn.then(() => {
          try {
            budget.alive();
          } catch (e) {
            throw budget.locate(e, info);
          }
          return settle(budget, info, resolve(source, args, context, info));
        });
      };
    }
  }
}

/**
 * Charges what a field resolved to. A value that came later (a promise: a DataLoader batch resolves
 * thousands of them at once) also waits its turn in the queue while resolution is paced, so that
 * graphql-js starts completing its items when the queue lets it through, not all in the same stretch.
 */
function settle(budget: ResponseBudget, info: GraphQLResolveInfo, result: unknown): unknown {
  if (result instanceof Promise)
    return result.then(
      (v: unknown) => {
        let turn: Promise<void> | undefined;
        try {
          budget.value(v);
          turn = budget.pause();
        } catch (e) {
          throw budget.locate(e, info);
        }
        if (!turn) return v;
        return turn.then(() => {
          try {
            budget.alive();
          } catch (e) {
            throw budget.locate(e, info);
          }
          return v;
        });
      },
      (e: unknown) => {
        // A store call refused at the stop (the deadline's signal carries the same reason).
        throw budget.stoppedBy(e) ? budget.locate(e, info) : e;
      },
    );
  try {
    budget.value(result);
  } catch (e) {
    return budget.rejected(e, info);
  }
  return result;
}
