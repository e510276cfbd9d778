/**
 * Alliance portfolio similarity of two states, as in the literature (Bueno de Mesquita 1975 for
 * Kendall's tau-b; Signorino & Ritter 1999 for S; EUGene and peacesciencer's `add_fpsim`).
 *
 * A portfolio is a state's tie to every state k in the system that year, coded ordinally.
 * Tie coding used here (ATOP obligations, strongest tie wins):
 *
 *   4 defense  >  3 offense  >  2 neutrality or non-aggression  >  1 consultation  >  0 none
 *
 * and, as in EUGene, every state has the strongest tie (defense) with itself. The obligations of a
 * tie are ATOP's at member and phase level: what either state owes the other in a treaty phase they
 * share (`dyadObligations` in src/domain; `tieObligations` in allianceNetwork.ts).
 */

import { invariant } from '../errors/index.js';
import { MAX_TIE } from '../domain/index.js';

/** The tie coding lives in the domain (`src/domain/obligations.ts`); re-exported for src/export/dyadYear.export.ts. */
export { MAX_TIE, tieLevel } from '../domain/index.js';

/**
 * Signorino–Ritter S, unweighted: 1 − 2·Σ|a_k − b_k| / (N · maxTie), in [−1, 1]; 1 for identical
 * portfolios. Returns null for empty portfolios.
 */
export function sScore(a: readonly number[], b: readonly number[], maxTie: number = MAX_TIE): number | null {
  invariant(a.length === b.length, 'portfolios must cover the same states');
  if (a.length === 0) return null;
  let distance = 0;
  for (let k = 0; k < a.length; k++) distance += Math.abs(a[k]! - b[k]!);
  return 1 - (2 * distance) / (a.length * maxTie);
}

/**
 * Kendall's tau-b of two ordinal portfolios: (C − D) / √((n0 − n1)(n0 − n2)), in [−1, 1].
 * Null when undefined (a portfolio with no variation: every tie the same).
 */
export function tauB(a: readonly number[], b: readonly number[]): number | null {
  invariant(a.length === b.length, 'portfolios must cover the same states');
  const n = a.length;
  let concordant = 0;
  let discordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const da = Math.sign(a[i]! - a[j]!);
      const db = Math.sign(b[i]! - b[j]!);
      if (da === 0) tiedA++;
      if (db === 0) tiedB++;
      if (da * db > 0) concordant++;
      else if (da * db < 0) discordant++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((n0 - tiedA) * (n0 - tiedB));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}
