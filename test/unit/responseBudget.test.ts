/**
 * The response budget, the heap guard and the pacer on their own (reliability issue, part 1): what
 * stops a request while its result is built, whatever the cost model estimated.
 */
import { describe, expect, it } from 'vitest';
import { ResponseBudget } from '../../src/limits/responseBudget.js';
import { HeapGuard } from '../../src/limits/heapGuard.js';
import { requestDeadline } from '../../src/limits/deadline.js';
import DataLoader from 'dataloader';
import { BatchHold, nextTurn, Pacer, REQUEST_SLICE_MS } from '../../src/pacer.js';
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

/**
 * A budget whose slice is spent, so that every field from here on waits its turn in the queue; 8
 * fields then each do 12 ms of work (two fit in no slice), started by `run` once let through. Returns
 * the number of turns of the event loop their work ran in.
 */
async function turnsOfPacedFields(run: (work: () => void) => unknown): Promise<number> {
  const b = new ResponseBudget({ maxNodes: 1e9, maxBytes: 1e9 });
  for (let i = 0; i < 10_300; i++) b.field('f');
  await new Promise((r) => setImmediate(r));
  expect(b.pause()).toBeUndefined(); // the clock starts
  busy(REQUEST_SLICE_MS + 10);
  for (let i = 0; i < 300; i++) b.field('f');
  expect(b.pause()).toBeInstanceOf(Promise); // spent: from here on every field waits its turn
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  const turnOf: number[] = [];
  const waits = Array.from({ length: 8 }, () =>
    b.pause()!.then(() =>
      run(() => {
        turnOf.push(turns);
        busy(REQUEST_SLICE_MS / 2 + 2);
      }),
    ),
  );
  await Promise.all(waits);
  counting = false;
  return new Set(turnOf).size;
}

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

  it('once the slice is spent the fields still to resolve wait, and are let through in order at the next turn of the event loop', async () => {
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
    busy(REQUEST_SLICE_MS + 10);
    for (let i = 0; i < 300; i++) b.field('f');
    const order: number[] = [];
    const waits = [0, 1, 2].map((i) => {
      const w = b.pause();
      expect(w).toBeInstanceOf(Promise);
      return w!.then(() => {
        expect(ranBetween).toBe(true);
        order.push(i);
      });
    });
    expect(ranBetween).toBe(false);
    await Promise.all(waits);
    expect(order).toEqual([0, 1, 2]);
  });

  it('lets the waiting fields through a slice at a time, not all at the same turn', async () => {
    expect(await turnsOfPacedFields((work) => work())).toBeGreaterThanOrEqual(4);
  });

  it("a field's work a few promise jobs after its release still counts in its slice", async () => {
    // graphql-js completes a value some promise jobs after the field's turn comes (the wrapper's
    // .then, then its own): the queue must not let the next fields through before that work has run.
    const later = (work: () => void) =>
      Promise.resolve()
        .then(() => undefined)
        .then(() => undefined)
        .then(work);
    expect(await turnsOfPacedFields(later)).toBeGreaterThanOrEqual(4);
  });

  it('after a stop, every field gets the same rejected promise, already handled', async () => {
    const b = new ResponseBudget({ maxNodes: 1, maxBytes: 1e9 });
    b.field('a');
    let first: unknown;
    try {
      b.field('b');
    } catch (e) {
      first = e;
    }
    const info = { path: { key: 'b', prev: undefined, typename: 'Query' }, fieldNodes: [] } as never;
    const p1 = b.rejected(first, info);
    const p2 = b.rejected(first, info);
    expect(p2).toBe(p1);
    await expect(p1).rejects.toMatchObject({ extensions: { code: 'RESPONSE_TOO_LARGE' } });
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
  it('counts a stretch from the last turn of the event loop', async () => {
    await new Promise((r) => setImmediate(r));
    const pacer = new Pacer(20);
    expect(pacer.due()).toBe(false);
    busy(30);
    expect(pacer.due()).toBe(true);
    await new Promise((r) => setTimeout(r, 5)); // the loop turns (as while waiting for the store)
    expect(pacer.due()).toBe(false);
  });

  it('pacers share one budget per turn and wait for the same turn: two concurrent works hold the loop for one slice, not two', async () => {
    await new Promise((r) => setImmediate(r));
    const a = new Pacer(20);
    const b = new Pacer(20);
    expect(a.due()).toBe(false);
    busy(25); // a's work
    expect(b.due()).toBe(true); // b has not worked yet, but the loop has not turned either
    expect(nextTurn()).toBe(nextTurn());
    await Promise.all([a.turn(), b.turn()]);
    expect(a.due()).toBe(false);
    expect(b.due()).toBe(false);
  });

  it('a turn ends with the signal reason once the signal is aborted', async () => {
    const c = new AbortController();
    const pacer = new Pacer(1, c.signal);
    await pacer.turn();
    c.abort(new TimeoutError(5));
    await expect(pacer.turn()).rejects.toBeInstanceOf(TimeoutError);
  });

  it('BatchHold: DataLoader batches wait while held, and go out together when released', async () => {
    const hold = new BatchHold();
    const batches: number[][] = [];
    const loader = new DataLoader<number, number>(
      async (keys) => {
        batches.push([...keys]);
        return keys;
      },
      { batchScheduleFn: hold.schedule },
    );
    hold.hold();
    const first = loader.load(1);
    await new Promise((r) => setImmediate(r)); // a turn: unheld, the batch would have gone
    const second = loader.load(2);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([]);
    hold.release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
    expect(await loader.load(3)).toBe(3); // not held: as DataLoader does by default
    expect(batches).toEqual([[1, 2], [3]]);
  });
});
