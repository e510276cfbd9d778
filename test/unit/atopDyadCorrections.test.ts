/**
 * The sourced corrections to ATOP's varying obligations (src/import/atopDyadCorrections.ts) fit the
 * member file they correct: each names a member ATOP codes with `obvary` 1 in that alliance phase and
 * holding that obligation, owes it only to members of the same phase, and cites sources the seed
 * defines. The rule itself, on the codebook's worked case (Britain–France–Sweden, 1855).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ATOP_DYAD_CORRECTIONS } from '../../src/import/atopDyadCorrections.js';
import { OBLIGATION_INFO, obligationsToward, varyingObligations } from '../../src/domain/index.js';
import { seedDir } from '../../src/paths.js';
import { fileRows, requireDataOrSkip } from '../helpers/sharedData.js';

requireDataOrSkip();

describe('ATOP dyad corrections', () => {
  const members = fileRows('atop-5.1/atop5_1m.csv');
  const sourceKeys = new Set(
    (parse(readFileSync(join(seedDir, 'sources.yaml'), 'utf8')).sources as { key: string }[]).map((s) => s.key),
  );

  it('each correction fits atop5_1m.csv and cites sources the seed defines', () => {
    expect(ATOP_DYAD_CORRECTIONS.length).toBeGreaterThan(0);
    for (const c of ATOP_DYAD_CORRECTIONS) {
      for (const phase of c.phases) {
        const phaseRows = members.filter((r) => Number(r.atopid) === c.atopId && Number(r.phase) === phase);
        const own = phaseRows.filter((r) => Number(r.member) === c.member);
        expect(own.length, `${c.atopId}/${phase}/${c.member}`).toBeGreaterThan(0);
        for (const r of own) {
          expect(r.obvary, `${c.atopId}/${phase}/${c.member} obvary`).toBe('1');
          expect(
            r[OBLIGATION_INFO[c.obligation].atopColumn],
            `${c.atopId}/${phase}/${c.member} holds ${c.obligation}`,
          ).toBe('1');
        }
        const inPhase = new Set(phaseRows.map((r) => Number(r.member)));
        for (const to of c.owedTo) expect(inPhase.has(to) && to !== c.member, `${c.atopId}/${phase}: ${to}`).toBe(true);
      }
      expect(c.sources.length).toBeGreaterThan(0);
      for (const k of c.sources) expect(sourceKeys.has(k), k).toBe(true);
      expect(c.reason.length).toBeGreaterThan(40);
    }
  });

  it("the rule on the codebook's case: Britain and France defend Sweden, not each other, and all three consult", () => {
    const phase = [
      { ccode: 200, obligations: ['DEFENSE', 'CONSULTATION'], obvary: true },
      { ccode: 220, obligations: ['DEFENSE', 'CONSULTATION'], obvary: true },
      { ccode: 380, obligations: ['CONSULTATION'], obvary: false },
    ];
    const [uk, fr, sw] = phase.map((m) => ({ ...m, ...varyingObligations(m, phase) }));
    expect(obligationsToward(uk!, sw!)).toEqual(['DEFENSE', 'CONSULTATION']);
    expect(obligationsToward(uk!, fr!)).toEqual(['CONSULTATION']);
    expect(obligationsToward(fr!, uk!)).toEqual(['CONSULTATION']);
    expect(obligationsToward(sw!, uk!)).toEqual(['CONSULTATION']);
  });
});
