/**
 * Issue 28 §6: RSS grew 223 → 1,465 MB over 30,000 fuzzed requests because the read cache and the
 * outside-options cache were bounded by entries (rows, results), not bytes. Both now hold at most a
 * configured number of bytes, as `approxBytes` counts them.
 */
import { describe, expect, it } from 'vitest';
import { approxBytes, ByteLru } from '../../src/store/byteBudget.js';
import { ReadCache } from '../../src/store/QueryExecutor.js';

/** A row like the store's: a few scalars and a long text (a 5 KB note). */
const row = (i: number, text = 5000) => ({
  id: `n${i}`,
  year: 1900 + (i % 100),
  note: 'x'.repeat(text),
  tags: ['a', 'b'],
});

describe('approxBytes', () => {
  it('counts strings by their length, containers by their slots', () => {
    expect(approxBytes('x'.repeat(1000))).toBeGreaterThanOrEqual(1000);
    expect(approxBytes([1, 2, 3])).toBeGreaterThan(approxBytes([1]));
    const one = approxBytes(row(1));
    expect(one).toBeGreaterThan(5000);
    expect(one).toBeLessThan(5400);
    expect(approxBytes(Array.from({ length: 100 }, (_, i) => row(i)))).toBeGreaterThan(100 * one);
  });

  it('stops at a cycle', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(Number.isFinite(approxBytes(a))).toBe(true);
  });
});

describe('caches bounded by bytes', () => {
  it('the read cache fed 2,000 distinct reads of rows with 5 KB texts holds no more than its 1 MB', async () => {
    const cache = new ReadCache(2 ** 20);
    for (let i = 0; i < 2000; i++) await cache.rows(`q${i}`, 'v1', async () => [row(i), row(i + 1)]);
    const f = cache.figures();
    expect(f.bytes).toBeLessThanOrEqual(2 ** 20);
    expect(f.bytes).toBeGreaterThan(2 ** 20 - 2 * approxBytes([row(0), row(1)]) - 100);
    expect(f.entries).toBeLessThan(2000);
    expect(f.entries).toBeGreaterThan(50); // about 1 MB / 10 KB
    expect(f.misses).toBe(2000);
    // The most recent are kept, the oldest went first.
    let loads = 0;
    await cache.rows('q1999', 'v1', async () => (loads++, []));
    await cache.rows('q0', 'v1', async () => (loads++, []));
    expect(loads).toBe(1);
  });

  it('a read larger than a quarter of the read cache is not kept (it would flush the rest)', async () => {
    const cache = new ReadCache(100_000);
    await cache.rows('small', 'v1', async () => [row(1, 100)]);
    await cache.rows('big', 'v1', async () => Array.from({ length: 10 }, (_, i) => row(i)));
    expect(cache.figures().entries).toBe(1);
    let loads = 0;
    await cache.rows('small', 'v1', async () => (loads++, []));
    expect(loads).toBe(0);
  });

  it('ByteLru (the outside-options results) drops the least recently used past its bytes', () => {
    const lru = new ByteLru<{ s: string }>(10_000);
    for (let i = 0; i < 20; i++) lru.set(`k${i}`, { s: 'y'.repeat(1000) });
    expect(lru.figures().bytes).toBeLessThanOrEqual(10_000);
    expect(lru.figures().entries).toBeLessThan(20);
    expect(lru.get('k0')).toBeUndefined();
    expect(lru.get('k19')?.s).toHaveLength(1000);
    lru.set('huge', { s: 'z'.repeat(5000) }); // over a quarter of the budget
    expect(lru.get('huge')).toBeUndefined();
  });
});
