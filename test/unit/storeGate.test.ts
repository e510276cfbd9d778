/**
 * Issue 28 §5: on a Neo4j killed under load every 503 came 10.0–18.3 s after its request (deadline
 * 10 s). A store call waiting for a slot of the gate must end when its request's signal aborts, not
 * when a slot frees.
 */
import { describe, expect, it } from 'vitest';
import { StoreGate } from '../../src/limits/storeGate.js';
import { TimeoutError } from '../../src/errors/index.js';

describe('StoreGate', () => {
  it('a call waiting for a slot rejects as soon as its signal aborts, while the slot stays held', async () => {
    const gate = new StoreGate(1);
    const held = gate.run('a', undefined, () => new Promise<never>(() => undefined)); // a Neo4j that never answers
    void held;
    const controller = new AbortController();
    let started = false;
    const waiting = gate.run('b', controller.signal, async () => {
      started = true;
      return 1;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(gate.waiting).toBe(1);
    const t0 = performance.now();
    controller.abort(new TimeoutError(10_000));
    await expect(waiting).rejects.toBeInstanceOf(TimeoutError);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(gate.waiting).toBe(0);
    expect(started).toBe(false);
  });

  it('a call that started is not rejected by the gate when its signal aborts later: it answers itself', async () => {
    const gate = new StoreGate(1);
    const controller = new AbortController();
    const call = gate.run('a', controller.signal, () => new Promise<number>((r) => setTimeout(() => r(7), 30)));
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new TimeoutError(10_000));
    await expect(call).resolves.toBe(7);
  });
});
