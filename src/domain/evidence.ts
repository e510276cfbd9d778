/**
 * Evidence that a state stood against a target state, by kind, with the weight each kind carries
 * in shared-target strength (a kind counts once per state, so fifty disputes do not outweigh one
 * alliance; each piece of evidence the two states share adds 1).
 */
export const EVIDENCE_KINDS = ['TREATY', 'WAR_PLAN', 'WAR', 'RIVALRY', 'PERCEPTION', 'DISPUTE'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_WEIGHT: Record<EvidenceKind, number> = {
  TREATY: 3,
  WAR_PLAN: 3,
  WAR: 3,
  RIVALRY: 2,
  PERCEPTION: 2,
  DISPUTE: 1,
};
export const JOINT_EVIDENCE_BONUS = 1;
/**
 * What each kind of evidence is (src/reads/targetEvidence.ts reads them). The window is the
 * `windowYears` before the date; treaties, rivalries and perceptions are read at the date itself.
 */
export const EVIDENCE_KIND_DESCRIPTIONS: Record<EvidenceKind, string> = {
  TREATY: 'Membership of a treaty in force at the date, directed against a threat the target poses.',
  WAR_PLAN: 'An ideal war plan aimed at the target, in a negotiation overlapping the window.',
  WAR: 'Fighting a COW inter-state war against the target within the window.',
  RIVALRY: 'A strategic rivalry with the target, active in the year of the date.',
  PERCEPTION: 'A curated perception of a threat posed by the target, at the date.',
  DISPUTE: 'A militarized interstate dispute (MID) on the side opposite the target, within the window.',
};

export const describeEvidenceWeights = () => EVIDENCE_KINDS.map((k) => `${k} ${EVIDENCE_WEIGHT[k]}`).join(', ');

/** One piece of evidence that `holder` stood against `target` (what the read stage returns, what the scoring reads). */
export interface TargetEvidence {
  holder: number;
  target: number;
  kind: EvidenceKind;
  weight: number;
  /** What the evidence is: the negotiation, treaty, dispute, war or rivalry, in words. */
  description: string;
  /** Key of the thing the evidence rests on (negotiation id, treaty id, dispute number ...); shared keys make joint evidence. */
  reference: string;
  date: string | null;
  /** Keys of Source nodes. */
  sources: string[];
}

/** One state's strength against one target: each kind of evidence once, at its weight. */
export function kindStrength(evidence: readonly TargetEvidence[]): number {
  const best = new Map<string, number>();
  for (const e of evidence) best.set(e.kind, Math.max(best.get(e.kind) ?? 0, e.weight));
  return [...best.values()].reduce((a, b) => a + b, 0);
}
