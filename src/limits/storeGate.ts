/**
 * A server-wide gate in front of the store for GraphQL requests: at most `maxActive` store calls
 * run at once, the waiting ones are taken round-robin across requests (a request with 1,000
 * queued calls does not starve one with a single call), and the next call starts from a
 * `setImmediate`, so the event loop answers other sockets (/healthz) between calls. A call still
 * waiting when its request's signal aborts (deadline, client gone) never starts: it rejects at once
 * with the signal's reason.
 *
 * Why: graphql-js starts every field of a request at once: without the gate, 1,000 aliases are
 * 1,000 store calls in flight and 1,000 continuations queued ahead of any other request.
 */
type Job = { start: () => void; fail: (e: unknown) => void; signal?: AbortSignal };

export class StoreGate {
  private active = 0;
  private readonly queues = new Map<string, Job[]>();
  private scheduled = false;

  constructor(readonly maxActive: number) {}

  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  run<T>(key: string, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        signal,
        fail: reject,
        start: () => {
          this.active += 1;
          let p: Promise<T>;
          try {
            p = call();
          } catch (e) {
            p = Promise.reject(e);
          }
          p.then(resolve, reject).finally(() => {
            this.active -= 1;
            this.schedule();
          });
        },
      };
      let q = this.queues.get(key);
      if (!q) {
        q = [];
        this.queues.set(key, q);
      }
      q.push(job);
      // Aborted while waiting: out of the queue and rejected at once, not when a slot frees (issue 28
      // §5: with every slot held by calls on a Neo4j gone away, waiting calls answered seconds late).
      const onAbort = () => {
        const queue = this.queues.get(key);
        const i = queue ? queue.indexOf(job) : -1;
        if (i < 0) return; // started already: the call itself answers by the deadline
        queue!.splice(i, 1);
        if (!queue!.length) this.queues.delete(key);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const start = job.start;
      job.start = () => {
        signal?.removeEventListener('abort', onAbort);
        start();
      };
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.active < this.maxActive && this.queues.size) {
      // Round robin: take the head of the first request's queue, move that request to the back.
      const [key, q] = this.queues.entries().next().value as [string, Job[]];
      const job = q.shift()!;
      this.queues.delete(key);
      if (q.length) this.queues.set(key, q);
      if (job.signal?.aborted) {
        job.fail(job.signal.reason);
        continue;
      }
      job.start();
    }
  }
}
