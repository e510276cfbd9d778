/** Enums of the analysis fields. */
import { registerEnumType } from 'type-graphql';

export enum EvidenceKind { TREATY = 'TREATY', WAR_PLAN = 'WAR_PLAN', WAR = 'WAR', RIVALRY = 'RIVALRY', PERCEPTION = 'PERCEPTION', DISPUTE = 'DISPUTE' }
export enum SimilarityMeasure { S = 'S', TAU_B = 'TAU_B' }
export enum TieObligation { DEFENSE = 'DEFENSE', OFFENSE = 'OFFENSE', NEUTRALITY = 'NEUTRALITY', NON_AGGRESSION = 'NON_AGGRESSION', CONSULTATION = 'CONSULTATION' }

registerEnumType(EvidenceKind, { name: 'EvidenceKind', description: 'What shows a state stood against a target (weights: TREATY 3, WAR_PLAN 3, WAR 3, RIVALRY 2, PERCEPTION 2, DISPUTE 1).' });
registerEnumType(SimilarityMeasure, { name: 'SimilarityMeasure', description: 'S: Signorino–Ritter S (unweighted); TAU_B: Kendall\'s tau-b.' });
registerEnumType(TieObligation, { name: 'TieObligation', description: 'Strongest obligation of an alliance tie: DEFENSE > OFFENSE > NEUTRALITY = NON_AGGRESSION > CONSULTATION.' });
