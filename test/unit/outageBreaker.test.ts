/**
 * Issue 28 §5: with Neo4j killed under load every request waited out a read's retry window, and
 * those queued behind the shared data-version read two: answered TIMEOUT at the deadline. Once a
 * read has failed for a whole window no read retries, and one read at a time tries the store, until
 * one is answered (src/store/OutageBreaker.ts; on a real Neo4j: test/neo4j/killedUnderLoad.neo4j.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { OutageBreaker } from '../../src/store/OutageBreaker.js';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('OutageBreaker', () => {
  it('a read retries within its window from its first failure; past it the store is down and no read retries, new or running', () => {
    const c = clock();
    const breaker = new OutageBreaker(5000, 250, c.now);
    const first = c.now(); // a read's first failure
    c.advance(1000);
    const second = c.now(); // another read's
    expect(breaker.mayRetry(first)).toBe(true);
    c.advance(3999);
    expect(breaker.mayRetry(first)).toBe(true);
    expect(breaker.down).toBe(false);
    expect(breaker.permit()).toBe('attempt');
    c.advance(1);
    expect(breaker.mayRetry(first)).toBe(false); // its window passed: the store is down
    expect(breaker.down).toBe(true);
    expect(breaker.mayRetry(second)).toBe(false); // still within its own window, but the store is down
  });

  it('while the store is down one read at a time, at most every trialEveryMs, tries it; the others are refused', () => {
    const c = clock();
    const breaker = new OutageBreaker(5000, 250, c.now);
    expect(breaker.mayRetry(c.now() - 5000)).toBe(false);
    expect(breaker.permit()).toBe('trial');
    expect(breaker.permit()).toBe('refused'); // the trial is under way
    c.advance(1000);
    expect(breaker.permit()).toBe('refused'); // still under way (a Neo4j that never answers)
    breaker.trialFailed();
    expect(breaker.permit()).toBe('trial'); // its start was over 250 ms ago
    breaker.trialFailed();
    c.advance(100);
    expect(breaker.permit()).toBe('refused'); // 100 ms after the last trial started
    c.advance(150);
    expect(breaker.permit()).toBe('trial');
  });

  it('the first answered read closes it: reads attempt and retry within their window again', () => {
    const c = clock();
    const breaker = new OutageBreaker(5000, 250, c.now);
    expect(breaker.mayRetry(c.now() - 5000)).toBe(false);
    expect(breaker.permit()).toBe('trial');
    breaker.answered();
    expect(breaker.down).toBe(false);
    expect(breaker.permit()).toBe('attempt');
    expect(breaker.permit()).toBe('attempt');
    expect(breaker.mayRetry(c.now())).toBe(true);
  });
});
