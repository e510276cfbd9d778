/**
 * Issue 28 §5: with Neo4j killed under load every request waited out a read's retry window, and
 * those queued behind the shared data-version read two: answered TIMEOUT at the deadline. Once a
 * read has failed for a whole window no read retries until one is answered
 * (src/store/OutageBreaker.ts; on a real Neo4j: test/neo4j/killedUnderLoad.neo4j.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { OutageBreaker } from '../../src/store/OutageBreaker.js';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('OutageBreaker', () => {
  it('a read retries within its window; past it the store is down and no read retries, new or running', () => {
    const c = clock();
    const breaker = new OutageBreaker(5000, c.now);
    const first = c.now(); // a read's first failure
    c.advance(1000);
    const second = c.now(); // another read's
    expect(breaker.mayRetry(first)).toBe(true);
    c.advance(3999);
    expect(breaker.mayRetry(first)).toBe(true);
    expect(breaker.down).toBe(false);
    c.advance(1);
    expect(breaker.mayRetry(first)).toBe(false); // its window passed: the store is down
    expect(breaker.down).toBe(true);
    expect(breaker.mayRetry(second)).toBe(false); // still within its own window, but the store is down
    expect(breaker.mayRetry(c.now())).toBe(false); // a new read: one attempt, no retry
  });

  it('the first answered read closes it: reads retry within their window again', () => {
    const c = clock();
    const breaker = new OutageBreaker(5000, c.now);
    const t0 = c.now();
    c.advance(5000);
    expect(breaker.mayRetry(t0)).toBe(false);
    expect(breaker.down).toBe(true);
    breaker.answered();
    expect(breaker.down).toBe(false);
    expect(breaker.mayRetry(c.now())).toBe(true);
  });
});
