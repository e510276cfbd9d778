/**
 * Issue 28 §5: on a full disk an import was reported as "GRAFEO-T004 Invalid transaction state: No
 * active transaction": the rollback's error, thrown from the cleanup, hid the write's ENOSPC. The
 * transaction now reports the first error. (The disk is simulated: the commit throws what the OS
 * error gives, and the rollback then fails as Grafeo's did.)
 */
import { describe, expect, it } from 'vitest';
import { GrafeoStore } from '../../src/store/GrafeoStore.js';

describe('GrafeoStore.transaction', () => {
  it('a commit failing with ENOSPC is reported as ENOSPC, not as the failed rollback that follows (full disk)', async () => {
    const store = GrafeoStore.open();
    const db = (store as unknown as { db: { beginTransaction(): unknown } }).db;
    const real = db.beginTransaction.bind(db);
    db.beginTransaction = () => {
      const tx = real() as { commit(): void; rollback(): void; isActive: boolean };
      return new Proxy(tx, {
        get(target, key) {
          if (key === 'commit')
            return () => {
              throw new Error('Database error: IO error: No space left on device (os error 28)');
            };
          if (key === 'rollback')
            return () => {
              throw new Error('Database error: GRAFEO-T004: Invalid transaction state: No active transaction');
            };
          if (key === 'isActive') return true;
          const v = Reflect.get(target, key) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    };
    const err = await store
      .transaction(async (tx) => tx.run('CREATE (:N {i: 1})', {}, 'fill'), 'fill')
      .catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/No space left on device/);
    expect(((err as Error).cause as Error).message).toMatch(/GRAFEO-T004/); // kept, not thrown
    await store.close();
  });
});
