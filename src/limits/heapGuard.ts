/**
 * Memory as a limit: the server keeps its JavaScript heap under `share` of V8's heap limit
 * (`heap_size_limit`, which `node --max-old-space-size` sets). Over it, a GraphQL operation is refused
 * before it runs, and one that is running stops at its next check (src/limits/responseBudget.ts),
 * both with OVERLOADED (HTTP 503, Retry-After): the requests that are growing the heap give way
 * before V8 runs out and kills the process with every request in it.
 *
 * Reads V8's own figure (`used_heap_size`, the same as `process.memoryUsage().heapUsed` without the
 * RSS system call), garbage not yet collected included: near the limit V8 collects eagerly.
 */
import { getHeapStatistics } from 'node:v8';
import { OverloadedError } from '../errors/index.js';

const MB = 2 ** 20;

export class HeapGuard {
  /** Bytes of heap the server may use. */
  readonly limit: number;

  constructor(
    readonly share: number,
    heapLimit: number = getHeapStatistics().heap_size_limit,
    private readonly used: () => number = () => getHeapStatistics().used_heap_size,
  ) {
    this.limit = Math.floor(share * heapLimit);
  }

  /** OVERLOADED when the heap is over its share; `retryAfter` seconds in Retry-After. */
  check(retryAfter: number): void {
    const used = this.used();
    if (used > this.limit) throw new OverloadedError(Math.round(used / MB), Math.round(this.limit / MB), retryAfter);
  }
}
