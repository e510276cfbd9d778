/**
 * When a failed store call may try again. A read that fails for a reason worth retrying (the
 * store unreachable, a leader switch) is tried again while its retry window is open: that rides out
 * a blip. But once one read has failed for a whole window, the store is down, not blinking: from
 * then on no read retries (each makes one attempt and fails with it, in milliseconds when the port
 * refuses connections) until a read is answered again. Reads already retrying stop at their next
 * failure.
 *
 * Why (issue 28 §5): with Neo4j killed, every request waited out the retry window, and the reads
 * queued behind the shared data-version read waited out two: requests were answered at their
 * deadline with TIMEOUT, 10 s each, instead of STORE_UNAVAILABLE.
 */
export class OutageBreaker {
  private downSince: number | null = null;

  constructor(
    /** How long one read may keep retrying before the store counts as down, in ms. */
    readonly retryWindowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The store failed a whole retry window and has answered nothing since. */
  get down(): boolean {
    return this.downSince !== null;
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
  }
}
