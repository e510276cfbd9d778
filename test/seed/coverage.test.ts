/**
 * Coverage of the curated record: enough negotiations, and enough failures, in every era for a
 * model of failure to learn from and for a scholar to find "the dogs that didn't bark" of a decade.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedDir, type SeedData } from '../../src/seed/readSeedDir.js';
import { seedDir } from '../../src/paths.js';

let data: SeedData;
beforeAll(() => {
  data = readSeedDir(seedDir);
});

describe('coverage of the curated record', () => {
  it('holds at least 110 negotiations, at least 45 of them without agreement', () => {
    expect(data.negotiations.length).toBeGreaterThanOrEqual(110);
    expect(data.negotiations.filter((n) => n.outcome === 'NONAGREEMENT').length).toBeGreaterThanOrEqual(45);
  });

  it('has at least 8 negotiations in every era of 1815-1949', () => {
    const counts = Object.fromEntries(
      data.eras
        .filter((e) => e.start < '1950-01-01')
        .map((e) => [e.id, data.negotiations.filter((n) => n.era === e.id).length]),
    );
    for (const [era, count] of Object.entries(counts)) expect(count, `${era}: ${count}`).toBeGreaterThanOrEqual(8);
  });

  it('covers 1815-1826, the settlement and the Congress system', () => {
    expect(data.negotiations.filter((n) => n.start < '1827-01-01').length).toBeGreaterThanOrEqual(3);
  });
});
