/** Enums of the analysis fields, derived from `src/domain` (values described there too). */
import { registerEnumType } from 'type-graphql';
import {
  EVIDENCE_KINDS,
  EVIDENCE_KIND_DESCRIPTIONS,
  EVIDENCE_WEIGHT,
  OBLIGATIONS,
  OBLIGATION_INFO,
  SIMILARITY_MEASURES,
  SIMILARITY_MEASURE_DESCRIPTIONS,
} from '../domain/index.js';
import { describedBy, enumOf } from './enums.js';

export const EvidenceKind = enumOf(EVIDENCE_KINDS);
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const SimilarityMeasure = enumOf(SIMILARITY_MEASURES);
export type SimilarityMeasure = (typeof SIMILARITY_MEASURES)[number];
/** The strongest obligation of a tie: the ATOP obligations (NEUTRALITY and NON_AGGRESSION rank equal). */
export const TieObligation = enumOf(OBLIGATIONS);
export type TieObligation = (typeof OBLIGATIONS)[number];

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description:
    'What shows a state stood against a target; each kind counts once per state, at its weight, in shared-target strength.',
  valuesConfig: describedBy(EVIDENCE_KINDS, (k) => `${EVIDENCE_KIND_DESCRIPTIONS[k]} Weight ${EVIDENCE_WEIGHT[k]}.`),
});
registerEnumType(SimilarityMeasure, {
  name: 'SimilarityMeasure',
  description: 'A measure of alliance portfolio similarity between two states.',
  valuesConfig: describedBy(SIMILARITY_MEASURES, SIMILARITY_MEASURE_DESCRIPTIONS),
});
registerEnumType(TieObligation, {
  name: 'TieObligation',
  description:
    'Strongest obligation of an alliance tie: DEFENSE > OFFENSE > NEUTRALITY = NON_AGGRESSION > CONSULTATION.',
  valuesConfig: describedBy(
    OBLIGATIONS,
    (o) => `Tie level ${OBLIGATION_INFO[o].tieLevel}: ${OBLIGATION_INFO[o].description}.`,
  ),
});
