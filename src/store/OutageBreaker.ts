/**
 * When a store call may be attempted, and tried again: a circuit breaker for reads. A read that
 * fails for a reason worth retrying (the store unreachable, a leader switch) is tried again while
 * its retry window, from its first failure, is open: that rides out a blip. But once one read has
 * failed for a whole window, the store is down, not blinking: from then on no read retries, and
 * only one read at a time, at most every `trialEveryMs`, makes an attempt (the trial: its answer
 * says the store is back); the others fail at once, without a connection attempt, until a read is
 * answered again. Reads already retrying stop at their next attempt.
 *
 * Why (issue 28 §5): with Neo4j killed, every request waited out the retry window, and the reads
 * queued behind the shared data-version read waited out two: requests were answered at their
 * deadline with TIMEOUT, 10 s each, instead of STORE_UNAVAILABLE. With a single attempt each they
 * were answered in milliseconds, but every request then opened a connection to Neo4j, which slowed
 * its restart (authentication and routing for each, while it recovered) and took CPU from /healthz;
 * hence one trial at a time.
 */
export type Permit = 'attempt' | 'trial' | 'refused';

export class OutageBreaker {
  private downSince: number | null = null;
  private trialSince: number | null = null;
  private lastTrialAt = -Infinity;

  constructor(
    /** How long one read may keep retrying from its first failure before the store counts as down, in ms. */
    readonly retryWindowMs: number,
    /** While the store is down, how often a read may try it, in ms. */
    readonly trialEveryMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The store failed a whole retry window and has answered nothing since. */
  get down(): boolean {
    return this.downSince !== null;
  }

  /**
   * May a read make an attempt now? `attempt` while the store is up; while it is down, `trial`
   * for one read at a time, at most every `trialEveryMs` (report its failure with `trialFailed`),
   * `refused` for the others: they fail without trying.
   */
  permit(): Permit {
    if (this.downSince === null) return 'attempt';
    const t = this.now();
    if (this.trialSince !== null || t - this.lastTrialAt < this.trialEveryMs) return 'refused';
    this.trialSince = t;
    this.lastTrialAt = t;
    return 'trial';
  }

  /** The trial failed: the next may start `trialEveryMs` after it started. */
  trialFailed(): void {
    this.trialSince = null;
  }

  /**
   * A read failing since `failingSince` (its first failure, on this clock) just failed again for a
   * reason worth retrying: may it try again? No once the store is down; no, and the store is down,
   * once its window has passed.
   */
  mayRetry(failingSince: number): boolean {
    if (this.downSince !== null) return false;
    if (this.now() - failingSince < this.retryWindowMs) return true;
    this.downSince = this.now();
    return false;
  }

  /** A read was answered: the store is up again. */
  answered(): void {
    this.downSince = null;
    this.trialSince = null;
  }
}
