/**
 * Alliance portfolio similarity of two states, as in the literature (Bueno de Mesquita 1975 for
 * Kendall's tau-b; Signorino & Ritter 1999 for S; EUGene and peacesciencer's `add_fpsim`).
 *
 * A portfolio is a state's tie to every state k in the system that year, coded ordinally.
 * Tie coding used here (ATOP obligations, strongest tie wins):
 *
 *   4 defense  >  3 offense  >  2 neutrality or non-aggression  >  1 consultation  >  0 none
 *
 * and, as in EUGene, every state has the strongest tie (defense) with itself.
 */

export const TIE_LEVELS = { NONE: 0, CONSULTATION: 1, NEUTRALITY: 2, NON_AGGRESSION: 2, OFFENSE: 3, DEFENSE: 4 } as const;
export const MAX_TIE = 4;

/** The ordinal tie value of a set of obligations (the strongest one). */
export function tieLevel(obligations: readonly string[]): number {
  let level = 0;
  for (const o of obligations) level = Math.max(level, TIE_LEVELS[o as keyof typeof TIE_LEVELS] ?? 0);
  return level;
}

/**
 * Signorino–Ritter S, unweighted: 1 − 2·Σ|a_k − b_k| / (N · maxTie), in [−1, 1]; 1 for identical
 * portfolios. Returns null for empty portfolios.
 */
export function sScore(a: readonly number[], b: readonly number[], maxTie: number = MAX_TIE): number | null {
  if (a.length !== b.length) throw new Error('portfolios must cover the same states');
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
  if (a.length !== b.length) throw new Error('portfolios must cover the same states');
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
