/**
 * Cooperative yielding for long synchronous work (the dyad-year export's indices and rows, scoring a
 * batch of outside options, matching evidence to windows, resolving a large GraphQL result): the
 * work calls `pace()` between units, and gives the event loop a turn once `budgetMs` of work have
 * passed since the loop's last turn, so that other requests and /healthz are never held up for long
 * without paying for a turn per unit.
 *
 * The clock and the turn are the process's, not each pacer's: every pacer measures the stretch since
 * the event loop last turned (whoever gave it: work that waited for the store starts afresh), and all
 * the pacers that are due wait for the same turn (one `setImmediate`). So concurrent work shares one
 * budget per turn of the loop: 64 requests scoring at once hold the loop for one slice between two
 * turns, not for 64 slices (each pacer's own turn would have run them back to back in one phase).
 * With a `signal` (a request's deadline or its client gone), a turn ends by throwing the signal's
 * reason once it is aborted: the timer that aborts it fires during the turn, and the work stops there.
 */

/**
 * The budget of work inside a GraphQL request (resolving, scoring) between two turns of the event
 * loop, shared by all the requests that run at once: /healthz waits at most about this long.
 */
export const REQUEST_SLICE_MS = 20;

/** When the event loop last turned, as far as the pacers know (see `sinceTurn`). */
let last = NaN;
let watching = false;
let turn: Promise<void> | undefined;

/**
 * Milliseconds since the event loop last turned. The first call after a turn starts the count (what
 * ran before it, outside any pacer, is not known) and arms a watcher that marks the next turn.
 */
export function sinceTurn(): number {
  const now = performance.now();
  if (!watching) {
    last = now;
    watch();
  }
  return now - last;
}

/** Marks the loop's next turn (once). */
function watch(): void {
  watching = true;
  setImmediate(() => {
    watching = false;
    last = performance.now();
  });
}

/** The next turn of the event loop, shared by every caller until it comes; the count starts again there. */
export function nextTurn(): Promise<void> {
  turn ??= new Promise<void>((done) =>
    setImmediate(() => {
      turn = undefined;
      last = performance.now();
      if (!watching) watch();
      done();
    }),
  );
  return turn;
}

export class Pacer {
  constructor(
    private readonly budgetMs = 8,
    private readonly signal?: AbortSignal,
  ) {}

  /** True when the budget (this pacer's, or `budgetMs`) is spent: the caller should `await turn()`. */
  due(budgetMs = this.budgetMs): boolean {
    return sinceTurn() > budgetMs;
  }

  /** Gives the event loop a turn (the one every due pacer waits for); throws the signal's reason once aborted. */
  async turn(): Promise<void> {
    await nextTurn();
    if (this.signal?.aborted) throw this.signal.reason;
  }

  /** `turn()` if the budget is spent. */
  async pace(): Promise<void> {
    if (this.due()) await this.turn();
  }
}

/**
 * DataLoader's `batchScheduleFn` for one request's loaders. DataLoader sends a batch once the work
 * that made its loads has settled (the promise jobs of the current turn); a request whose resolution
 * is paced lets a level of its result through over several turns, and its loads would go out in as
 * many batches, one store round trip each. While held (`hold()`, as long as resolution is paced),
 * batches wait for `release()`: a level's loads go out together, whatever the number of turns.
 */
export class BatchHold {
  private held = 0;
  private pending: (() => void)[] = [];

  readonly schedule = (dispatch: () => void): void => {
    // Decided when the batch is due, not when its first load came: a hold that began in between counts.
    afterPromiseJobs(() => {
      if (this.held) this.pending.push(dispatch);
      else dispatch();
    });
  };

  hold(): void {
    this.held += 1;
  }

  release(): void {
    if (this.held === 0 || --this.held > 0) return;
    const pending = this.pending;
    this.pending = [];
    for (const dispatch of pending) afterPromiseJobs(dispatch);
  }
}

/** DataLoader's own default: after the promise jobs queued so far, and the ticks they queue. */
function afterPromiseJobs(fn: () => void): void {
  void Promise.resolve().then(() => process.nextTick(fn));
}
