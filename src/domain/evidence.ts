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

export const describeEvidenceWeights = () => EVIDENCE_KINDS.map((k) => `${k} ${EVIDENCE_WEIGHT[k]}`).join(', ');
