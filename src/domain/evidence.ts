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
