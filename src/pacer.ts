/**
 * Cooperative yielding for long synchronous work (the dyad-year export's indices and rows, scoring a
 * batch of outside options, matching evidence to windows, resolving a large GraphQL result): the
 * work calls `pace()` between units, and gives the event loop a turn (setImmediate) once `budgetMs`
 * of work have passed since the last turn, so that other requests and /healthz are never held up for
 * long (no stall over 50 ms) without paying for a turn per unit. The budget runs from the event
 * loop's last turn, whoever gave it: work that waited for the store in between starts afresh, so it
 * is not cut where it need not be (a turn in the middle of a GraphQL request's resolution splits the
 * batches of its DataLoaders). With a `signal` (a request's deadline or its client gone), a turn ends
 * by throwing the signal's reason once it is aborted: the timer that aborts it fires during the turn,
 * and the work stops there.
 */
/**
 * The budget of work inside a GraphQL request (resolving, scoring): the project's 50 ms at most
 * between turns, fewer turns than the exports' 8 ms (a turn mid-request costs its concurrency).
 */
export const REQUEST_SLICE_MS = 50;

export class Pacer {
  /** When the loop last turned, as far as this pacer knows (from its first `due()`). */
  private last = NaN;
  private watching = false;
  constructor(
    private readonly budgetMs = 8,
    private readonly signal?: AbortSignal,
  ) {}

  /** True when the budget (this pacer's, or `budgetMs`) is spent: the caller should `await turn()`. */
  due(budgetMs = this.budgetMs): boolean {
    const now = performance.now();
    if (Number.isNaN(this.last)) this.last = now;
    if (!this.watching) {
      // Runs at the loop's next turn, however it comes: the budget starts again from there.
      this.watching = true;
      setImmediate(() => {
        this.watching = false;
        this.last = performance.now();
      });
    }
    return now - this.last > budgetMs;
  }

  /** Gives the event loop a turn and starts a new budget; throws the signal's reason once aborted. */
  async turn(): Promise<void> {
    await new Promise<void>((done) => setImmediate(done));
    this.last = performance.now();
    if (this.signal?.aborted) throw this.signal.reason;
  }

  /** `turn()` if the budget is spent. */
  async pace(): Promise<void> {
    if (this.due()) await this.turn();
  }
}
