/** Enums of the analysis fields, derived from `src/domain`. */
import { registerEnumType } from 'type-graphql';
import { EVIDENCE_KINDS, OBLIGATIONS, describeEvidenceWeights } from '../domain/index.js';
import { enumOf } from './enums.js';

export const EvidenceKind = enumOf(EVIDENCE_KINDS);
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const SimilarityMeasure = enumOf(['S', 'TAU_B'] as const);
export type SimilarityMeasure = 'S' | 'TAU_B';
/** The strongest obligation of a tie: the ATOP obligations (NEUTRALITY and NON_AGGRESSION rank equal). */
export const TieObligation = enumOf(OBLIGATIONS);
export type TieObligation = (typeof OBLIGATIONS)[number];

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: `What shows a state stood against a target (weights: ${describeEvidenceWeights()}).`,
});
registerEnumType(SimilarityMeasure, {
  name: 'SimilarityMeasure',
  description: "S: Signorino–Ritter S (unweighted); TAU_B: Kendall's tau-b.",
});
registerEnumType(TieObligation, {
  name: 'TieObligation',
  description:
    'Strongest obligation of an alliance tie: DEFENSE > OFFENSE > NEUTRALITY = NON_AGGRESSION > CONSULTATION.',
});
