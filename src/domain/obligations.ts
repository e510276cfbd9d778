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
  DEFENSE: { flag: 'defense', atopColumn: 'defense', tieLevel: 4, description: 'active military support if a partner is attacked' },
  OFFENSE: { flag: 'offense', atopColumn: 'offense', tieLevel: 3, description: 'active military support in a war not provoked by an attack on the partner' },
  NEUTRALITY: { flag: 'neutrality', atopColumn: 'neutral', tieLevel: 2, description: 'to stay out of a conflict in which a partner is engaged' },
  NON_AGGRESSION: { flag: 'nonAggression', atopColumn: 'nonagg', tieLevel: 2, description: 'not to attack the partner' },
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
  return Object.fromEntries(OBLIGATIONS.map((o) => [OBLIGATION_INFO[o].flag, obligations.includes(o)])) as Record<ObligationInfo['flag'], boolean>;
}
