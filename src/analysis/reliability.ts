/**
 * Inter-coder reliability for nominal codings: Krippendorff's alpha and raw agreement, pure functions
 * of the values each coder gave each unit (docs/codebook.md §20.3). A value is any string (a target
 * written as its set of states, an approach); `null` is a value a coder left unknown.
 *
 * Alpha follows Krippendorff's standard treatment of missing data: a unit with fewer than two values
 * is not pairable and drops out, and a unit coded by more than two coders adds each ordered pair of
 * its values with weight 1/(m_u − 1) to the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", section C). For two coders that is: a unit either coder left
 * unknown drops out, which is also the rule for raw agreement.
 */

/** The values the coders gave one unit, in coder order; null where a coder left it unknown. */
export type CodedUnit = readonly (string | null)[];

/**
 * Krippendorff's alpha for nominal data: 1 − D_o/D_e, the observed disagreement over the
 * disagreement expected from the pooled values, computed as 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 * Null where it is undefined: no pairable unit, or a single value in all pairable units (no variation,
 * so no disagreement to expect).
 */
export function krippendorffAlphaNominal(units: readonly CodedUnit[]): number | null {
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = coincidences.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidences.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((v): v is string => v !== null);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const marginals = new Map([...coincidences].map(([c, row]) => [c, [...row.values()].reduce((a, b) => a + b, 0)]));
  const n = [...marginals.values()].reduce((a, b) => a + b, 0);
  let observed = 0;
  for (const [c, row] of coincidences) for (const [k, o] of row) if (c !== k) observed += o;
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expected += nc * nk;
  if (n === 0 || expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Two codings of the same units, compared on one variable. */
export interface TwoCodingAgreement {
  /** Units compared. */
  units: number;
  /** Units both coders coded: the base of both figures. */
  pairable: number;
  /** Units the first coder left unknown. */
  unknownFirst: number;
  /** Units the second coder left unknown. */
  unknownSecond: number;
  /** Pairable units on which the two codings give the same value. */
  agreed: number;
  /** agreed / pairable; null without a pairable unit. */
  rawAgreement: number | null;
  /** Krippendorff's alpha for nominal data; null where undefined (see `krippendorffAlphaNominal`). */
  alpha: number | null;
}

/** One unit as two codings give it: (first coder's value, second coder's value), null where a coder left it unknown. */
export type CodedPair = readonly [string | null, string | null];

/**
 * The comparison of one unit, the one rule behind the figures and the list of disagreements: null when
 * either coder left the unit unknown (it is not pairable and drops out), else whether the two values are
 * the same nominal value.
 */
export function pairAgrees([a, b]: CodedPair): boolean | null {
  return a === null || b === null ? null : a === b;
}

/**
 * The units on which two codings disagree (pairable, different values), in their order: exactly the units
 * `twoCodingAgreement` counts as pairable and not agreed. `pair` reads a unit's two values.
 */
export function disagreeingUnits<U>(units: readonly U[], pair: (unit: U) => CodedPair): U[] {
  return units.filter((u) => pairAgrees(pair(u)) === false);
}

/** Raw agreement and alpha of two codings, each unit a pair (first coder's value, second coder's value). */
export function twoCodingAgreement(pairs: readonly CodedPair[]): TwoCodingAgreement {
  const pairable = pairs.filter((p) => pairAgrees(p) !== null);
  const agreed = pairable.filter((p) => pairAgrees(p) === true).length;
  return {
    units: pairs.length,
    pairable: pairable.length,
    unknownFirst: pairs.filter(([a]) => a === null).length,
    unknownSecond: pairs.filter(([, b]) => b === null).length,
    agreed,
    rawAgreement: pairable.length ? agreed / pairable.length : null,
    alpha: krippendorffAlphaNominal(pairs),
  };
}
