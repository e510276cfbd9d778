/**
 * The response budget of one GraphQL request, charged while its result is built rather than
 * estimated beforehand: every field resolved is a node, every list item another, and the response
 * keys and string values count their length in bytes (roughly: what the JSON will hold). Past
 * `maxNodes` (MAX_RESPONSE_NODES) or `maxBytes` (MAX_RESPONSE_BYTES) the request stops with
 * RESPONSE_TOO_LARGE instead of building the rest in memory: the cost model (./cost.ts) counts a
 * list at what most parents hold, and a document that picks the largest ones gets this far and no
 * further.
 *
 * The same walk bounds the time and memory spent after the store reads. A large result's resolution
 * is paced (src/pacer.ts): when a slice of work is used up, every field still to resolve waits for
 * the next turn of the event loop (so /healthz and other requests are answered in between), then
 * continues unless the request was stopped meanwhile. Every CHECK_EVERY nodes the budget checks the deadline by
 * the clock (TIMEOUT even when no timer could fire) and the heap (OVERLOADED over MAX_HEAP_SHARE,
 * ./heapGuard.ts).
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
import { Pacer, REQUEST_SLICE_MS } from '../pacer.js';

/** Nodes between two checks of the clock, the deadline and the heap. */
const CHECK_EVERY = 256;
/**
 * A turn in the middle of resolution splits the DataLoader batches of a level (the loads after it
 * form a batch of their own). Up to PACE_FROM nodes, a result resolves in one go unless that takes
 * longer than SMALL_RESULT_SLICE_MS, so that an ordinary result keeps one store round trip per
 * level, whatever the number of its parents; past it, resolution turns every REQUEST_SLICE_MS.
 */
const SMALL_RESULT_SLICE_MS = 500;
const PACE_FROM = 10_000;

export interface ResponseBudgetOptions {
  maxNodes: number;
  maxBytes: number;
  deadline?: Deadline;
  heap?: HeapGuard;
  /** Retry-After of an OVERLOADED refusal, in seconds. */
  retryAfter?: number;
}

export class ResponseBudget {
  nodes = 0;
  bytes = 0;
  private stopped: Error | undefined;
  private nextCheck = CHECK_EVERY;
  private readonly pacer = new Pacer(REQUEST_SLICE_MS);
  private turn: Promise<void> | undefined;
  private readonly located = new WeakMap<Error, GraphQLError>();

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
   * A promise to wait on before resolving the next field when this slice of resolution is used up
   * (the next turn of the event loop), else undefined. Checks the deadline and the heap on the way.
   */
  pause(): Promise<void> | undefined {
    if (this.turn) return this.turn;
    if (this.nodes < this.nextCheck) return undefined;
    this.nextCheck = this.nodes + CHECK_EVERY;
    this.checkpoint();
    if (!this.pacer.due(this.nodes < PACE_FROM ? SMALL_RESULT_SLICE_MS : REQUEST_SLICE_MS)) return undefined;
    this.turn = this.pacer.turn().then(() => {
      this.turn = undefined;
    });
    return this.turn;
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
    const { maxNodes, maxBytes } = this.options;
    if (this.nodes > maxNodes) this.stop(new ResponseTooLargeError('nodes', maxNodes, 'MAX_RESPONSE_NODES'));
    if (this.bytes > maxBytes) this.stop(new ResponseTooLargeError('bytes', maxBytes, 'MAX_RESPONSE_BYTES'));
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
          return Promise.reject(budget.locate(e, info));
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

function settle(budget: ResponseBudget, info: GraphQLResolveInfo, result: unknown): unknown {
  if (result instanceof Promise)
    return result.then(
      (v: unknown) => {
        try {
          budget.value(v);
        } catch (e) {
          throw budget.locate(e, info);
        }
        return v;
      },
      (e: unknown) => {
        // A store call refused at the stop (the deadline's signal carries the same reason).
        throw budget.stoppedBy(e) ? budget.locate(e, info) : e;
      },
    );
  try {
    budget.value(result);
  } catch (e) {
    return Promise.reject(budget.locate(e, info));
  }
  return result;
}
