/**
 * A counting semaphore that never queues: `tryAcquire` gives a release function, or null when all
 * slots are taken (the caller answers 429 with Retry-After). Releasing twice is harmless.
 */
export class Slots {
  private active = 0;
  constructor(readonly max: number) {}

  get inUse(): number {
    return this.active;
  }

  tryAcquire(): (() => void) | null {
    if (this.active >= this.max) return null;
    this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
    };
  }
}
