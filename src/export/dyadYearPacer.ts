/**
 * Cooperative yielding for the dyad-year export: long synchronous work (building the per-year indices,
 * computing the rows of a year) calls `pace()` between units of work, and gives the event loop a turn
 * (setImmediate) once `budgetMs` of work have passed since the last turn, so that other requests are
 * never held up for long (issue #14: no stall over 50 ms) without paying for a turn per unit.
 */
export class Pacer {
  private last = performance.now();
  constructor(private readonly budgetMs = 8) {}

  /** True when the budget is spent (the caller should `await turn()`). */
  due(): boolean {
    return performance.now() - this.last > this.budgetMs;
  }

  /** Gives the event loop a turn and starts a new budget. */
  async turn(): Promise<void> {
    await new Promise<void>((done) => setImmediate(done));
    this.last = performance.now();
  }

  /** `turn()` if the budget is spent. */
  async pace(): Promise<void> {
    if (this.due()) await this.turn();
  }
}
