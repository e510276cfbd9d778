/**
 * ATOP's five obligation types (Leeds et al. 2002) and what each is called elsewhere: the boolean
 * property on a Treaty node, ATOP's column, and the ordinal tie level used for alliance portfolios
 * (defense 4 > offense 3 > neutrality = non-aggression 2 > consultation 1 > none 0, as in EUGene).
 */
export const OBLIGATIONS = ['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'NON_AGGRESSION', 'CONSULTATION'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export interface ObligationInfo {
  /** Boolean property of Treaty, TreatyPhase and MEMBER_OF. */
  flag: 'defense' | 'offense' | 'neutrality' | 'nonAggression' | 'consultation';
  /** ATOP 5.1 column (alliance, phase and member files). */
  atopColumn: 'defense' | 'offense' | 'neutral' | 'nonagg' | 'consul';
  /** Ordinal tie level in alliance portfolios. */
  tieLevel: number;
  description: string;
}

export const OBLIGATION_INFO: Record<Obligation, ObligationInfo> = {
  DEFENSE: {
    flag: 'defense',
    atopColumn: 'defense',
    tieLevel: 4,
    description: 'active military support if a partner is attacked',
  },
  OFFENSE: {
    flag: 'offense',
    atopColumn: 'offense',
    tieLevel: 3,
    description: 'active military support in a war not provoked by an attack on the partner',
  },
  NEUTRALITY: {
    flag: 'neutrality',
    atopColumn: 'neutral',
    tieLevel: 2,
    description: 'to stay out of a conflict in which a partner is engaged',
  },
  NON_AGGRESSION: {
    flag: 'nonAggression',
    atopColumn: 'nonagg',
    tieLevel: 2,
    description: 'not to attack the partner',
  },
  CONSULTATION: { flag: 'consultation', atopColumn: 'consul', tieLevel: 1, description: 'to consult in a crisis' },
};

/** The level of "no tie" and of a state's tie with itself (EUGene codes self-ties as defense). */
export const NO_TIE = 0;
export const MAX_TIE = OBLIGATION_INFO.DEFENSE.tieLevel;

export const isObligation = (s: string): s is Obligation => (OBLIGATIONS as readonly string[]).includes(s);

/** The ordinal tie value of a set of obligations: the strongest one. */
export function tieLevel(obligations: Iterable<string>): number {
  let level = NO_TIE;
  for (const o of obligations) if (isObligation(o)) level = Math.max(level, OBLIGATION_INFO[o].tieLevel);
  return level;
}

/** Names of tie levels, strongest obligation first; NEUTRALITY stands for neutrality or non-aggression. */
export const TIE_LEVEL_NAME = ['NONE', 'CONSULTATION', 'NEUTRALITY', 'OFFENSE', 'DEFENSE'] as const;

/** The strongest obligation of a set, by name; a level-2 tie without NEUTRALITY is NON_AGGRESSION. */
export function strongestObligation(obligations: readonly string[]): { level: number; name: string } {
  const level = tieLevel(obligations);
  const name = level === 2 && !obligations.includes('NEUTRALITY') ? 'NON_AGGRESSION' : TIE_LEVEL_NAME[level]!;
  return { level, name };
}

/** The obligations of a record that carries the boolean flags. */
export function obligationsFromFlags(flags: Partial<Record<ObligationInfo['flag'], boolean | null>>): Obligation[] {
  return OBLIGATIONS.filter((o) => flags[OBLIGATION_INFO[o].flag] === true);
}

/** The boolean flags of a list of obligations. */
export function flagsOf(obligations: readonly string[]): Record<ObligationInfo['flag'], boolean> {
  return Object.fromEntries(OBLIGATIONS.map((o) => [OBLIGATION_INFO[o].flag, obligations.includes(o)])) as Record<
    ObligationInfo['flag'],
    boolean
  >;
}

/**
 * ATOP's member-level condition details (atop5_1m.csv), coded 1 when the member's obligation carries
 * that condition (codebook §2.3): `defco*` for defense, `offco*` offense, `neuco*` neutrality,
 * `conco*` consultation. Stored on MEMBER_OF as the list of the column names coded 1.
 */
export const ATOP_CONDITION_DETAILS = [
  'defcoadv',
  'defcoloc',
  'defcocon',
  'defconum',
  'defcodem',
  'defconpr',
  'offcoadv',
  'offcoloc',
  'offcocon',
  'offconum',
  'offcodem',
  'neucoadv',
  'neucoloc',
  'neucocon',
  'neuconum',
  'neucodem',
  'neuconpr',
  'neucoatt',
  'concoadv',
  'concoloc',
  'concocon',
  'concoreq',
] as const;

/** One member's obligations in one phase of an alliance, as the dyadic rules need them. */
export interface MemberObligations {
  ccode: number;
  /** The member's own obligations (ATOP member file), or the treaty's for a curated membership. */
  obligations: readonly string[];
  /**
   * Obligations the member owes only to some members (empty unless ATOP codes `obvary` 1 for it),
   * as `OBLIGATION:ccode` entries naming to whom each is owed: see `varyingObligations`.
   */
  owedTo: readonly string[];
  /** The obligations among `obligations` that `owedTo` restricts. */
  varying: readonly string[];
}

/** A member's obligation owed only to some members, where the rule below would get it wrong (with the source). */
export interface DyadCorrection {
  atopId: number;
  phases: readonly number[];
  member: number;
  obligation: Obligation;
  owedTo: readonly number[];
  reason: string;
  sources: readonly string[];
}

/**
 * To whom the obligations of a member whose obligations vary are owed (computed once per alliance
 * phase, at import). ATOP codes `obvary` 1 for a member with different obligations toward different
 * members but its member file does not say toward whom; its dyadic files resolve each case by hand
 * (codebook §2.6–2.7). The rule reproduces the codebook's worked case, the common pattern of a
 * guarantee: an obligation that every member of the phase holds is mutual (in the Britain–France–
 * Sweden treaty of 1855 all three consult one another); one that only some members hold, held by a
 * member whose obligations vary, is owed to the members that do not hold it (Britain and France defend
 * Sweden, not each other). Where ATOP's directed dyad-year file resolves a case otherwise (in the
 * Rhineland Pact of 1925 the guarantors owe defense to Germany, France and Belgium, not to each
 * other, although all five hold it), a correction names to whom the obligation is owed — also an
 * obligation every member holds, and possibly to no one. A member with `obvary` 0 owes all its
 * obligations to every other member.
 */
export function varyingObligations(
  member: { ccode: number; obligations: readonly string[]; obvary: boolean },
  phaseMembers: readonly { ccode: number; obligations: readonly string[] }[],
  corrections: readonly DyadCorrection[] = [],
): { varying: Obligation[]; owedTo: string[] } {
  if (!member.obvary) return { varying: [], owedTo: [] };
  const fixOf = (o: Obligation) => corrections.find((c) => c.member === member.ccode && c.obligation === o);
  const varying = OBLIGATIONS.filter(
    (o) =>
      member.obligations.includes(o) &&
      (fixOf(o) !== undefined || !phaseMembers.every((m) => m.obligations.includes(o))),
  );
  const owedTo = varying.flatMap((o) => {
    const fix = fixOf(o);
    const to = fix
      ? fix.owedTo
      : phaseMembers.filter((m) => m.ccode !== member.ccode && !m.obligations.includes(o)).map((m) => m.ccode);
    return [...new Set(to)].sort((x, y) => x - y).map((c) => `${o}:${c}`);
  });
  return { varying, owedTo };
}

/** The obligations member `a` has toward member `b` of the same alliance phase (ATOP's directed dyad rule, §2.7). */
export function obligationsToward(a: MemberObligations, b: { ccode: number }): Obligation[] {
  return OBLIGATIONS.filter(
    (o) => a.obligations.includes(o) && (!a.varying.includes(o) || a.owedTo.includes(`${o}:${b.ccode}`)),
  );
}

/** ATOP's non-directed dyad rule (§2.6): either member has the obligation toward the other. */
export function dyadObligations(a: MemberObligations, b: MemberObligations): Obligation[] {
  const ab = obligationsToward(a, b);
  const ba = obligationsToward(b, a);
  return OBLIGATIONS.filter((o) => ab.includes(o) || ba.includes(o));
}

/** The measures of alliance portfolio similarity between two states (over their ties at the levels above). */
export const SIMILARITY_MEASURES = ['S', 'TAU_B'] as const;
export type SimilarityMeasure = (typeof SIMILARITY_MEASURES)[number];
export const SIMILARITY_MEASURE_DESCRIPTIONS: Record<SimilarityMeasure, string> = {
  S: `Signorino–Ritter S, unweighted: 1 − 2·Σ|a − b| / (N · ${MAX_TIE}) over the two portfolios, in [−1, 1]; 1 for identical portfolios.`,
  TAU_B: "Kendall's tau-b of the two ordinal portfolios, in [−1, 1]; null when a portfolio has no variation.",
};
