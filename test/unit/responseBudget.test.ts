/**
 * The response budget, the heap guard and the pacer on their own (reliability issue, part 1): what
 * stops a request while its result is built, whatever the cost model estimated.
 */
import { describe, expect, it } from 'vitest';
import { ResponseBudget } from '../../src/limits/responseBudget.js';
import { HeapGuard } from '../../src/limits/heapGuard.js';
import { requestDeadline } from '../../src/limits/deadline.js';
import { Pacer } from '../../src/pacer.js';
import { AppError, TimeoutError } from '../../src/errors/index.js';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return undefined;
};

describe('ResponseBudget', () => {
  it('stops at the node budget, and every field after that fails the same way', () => {
    const b = new ResponseBudget({ maxNodes: 10, maxBytes: 1e9 });
    for (let i = 0; i < 5; i++) b.field('name');
    b.value(['a', 'b', 'c', 'd', 'e']); // a list: one node per item
    expect(codeOf(() => b.field('x'))).toBe('RESPONSE_TOO_LARGE');
    expect(codeOf(() => b.field('y'))).toBe('RESPONSE_TOO_LARGE');
    expect(codeOf(() => b.alive())).toBe('RESPONSE_TOO_LARGE');
  });

  it('stops at the byte budget: keys and string values count their length', () => {
    const b = new ResponseBudget({ maxNodes: 1e9, maxBytes: 100 });
    b.field('summary');
    expect(codeOf(() => b.value('x'.repeat(200)))).toBe('RESPONSE_TOO_LARGE');
  });

  it('aborts the request when it stops, so that no further store call starts', () => {
    const deadline = requestDeadline(60_000);
    const b = new ResponseBudget({ maxNodes: 1, maxBytes: 1e9, deadline });
    b.field('a');
    expect(codeOf(() => b.field('b'))).toBe('RESPONSE_TOO_LARGE');
    expect(deadline.signal.aborted).toBe(true);
    expect((deadline.signal.reason as AppError).code).toBe('RESPONSE_TOO_LARGE');
    deadline.dispose();
  });

  it('checks the deadline by the clock while resolving, though its timer has had no chance to fire', () => {
    const deadline = requestDeadline(100);
    const b = new ResponseBudget({ maxNodes: 1e9, maxBytes: 1e9, deadline });
    busy(120); // synchronous: the timer cannot fire
    expect(deadline.signal.aborted).toBe(false);
    const stopped = codeOf(() => {
      for (let i = 0; i < 1000; i++) {
        b.field('f');
        void b.pause();
      }
    });
    expect(stopped).toBe('TIMEOUT');
    expect(deadline.signal.reason).toBeInstanceOf(TimeoutError);
    deadline.dispose();
  });

  it('past 10,000 nodes, after 50 ms of synchronous resolution the fields still to resolve wait for a turn of the event loop', async () => {
    const b = new ResponseBudget({ maxNodes: 1e9, maxBytes: 1e9 });
    for (let i = 0; i < 10_300; i++) {
      b.field('f');
      await b.pause();
    }
    await new Promise((r) => setImmediate(r)); // the loop turns (as while waiting for the store)
    for (let i = 0; i < 300; i++) b.field('f');
    expect(b.pause()).toBeUndefined();
    let ranBetween = false; // work waiting for the event loop (another request, /healthz)
    setImmediate(() => (ranBetween = true));
    busy(60);
    for (let i = 0; i < 300; i++) b.field('f');
    const turn = b.pause();
    expect(turn).toBeInstanceOf(Promise);
    expect(b.pause()).toBe(turn); // every field after it waits for the same turn
    expect(ranBetween).toBe(false);
    await turn;
    expect(ranBetween).toBe(true);
    expect(b.pause()).toBeUndefined();
  });

  it('below 10,000 nodes, resolution goes on for up to 500 ms (a turn would split its DataLoader batches)', () => {
    const b = new ResponseBudget({ maxNodes: 1e9, maxBytes: 1e9 });
    for (let i = 0; i < 300; i++) b.field('f');
    expect(b.pause()).toBeUndefined(); // arms the pacer's clock
    busy(100);
    for (let i = 0; i < 300; i++) b.field('f');
    expect(b.pause()).toBeUndefined();
    busy(450);
    for (let i = 0; i < 300; i++) b.field('f');
    expect(b.pause()).toBeInstanceOf(Promise);
  });
});

describe('HeapGuard', () => {
  it('refuses with OVERLOADED (503, Retry-After) over its share of the heap limit, not under it', () => {
    const used = { bytes: 600 };
    const guard = new HeapGuard(0.5, 1000, () => used.bytes);
    expect(guard.limit).toBe(500);
    let error: AppError | undefined;
    try {
      guard.check(3);
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.code).toBe('OVERLOADED');
    expect(error?.httpStatus).toBe(503);
    expect(error?.extensions.limit).toBe('MAX_HEAP_SHARE');
    used.bytes = 400;
    expect(() => guard.check(3)).not.toThrow();
  });

  it('reads the process heap against V8 heap limit by default', () => {
    expect(() => new HeapGuard(1).check(1)).not.toThrow();
    expect(codeOf(() => new HeapGuard(1e-6).check(1))).toBe('OVERLOADED');
  });
});

describe('Pacer', () => {
  it('counts a stretch from the last turn of the event loop, not from its creation', async () => {
    const pacer = new Pacer(20);
    busy(30); // before the first check: not counted
    expect(pacer.due()).toBe(false);
    busy(30);
    expect(pacer.due()).toBe(true);
    await new Promise((r) => setTimeout(r, 5)); // the loop turns (as while waiting for the store)
    expect(pacer.due()).toBe(false);
  });

  it('a turn ends with the signal reason once the signal is aborted', async () => {
    const c = new AbortController();
    const pacer = new Pacer(1, c.signal);
    setImmediate(() => c.abort(new TimeoutError(5)));
    await expect(pacer.turn()).rejects.toBeInstanceOf(TimeoutError);
  });
});
