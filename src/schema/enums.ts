/**
 * The closed vocabularies of the domain as GraphQL enums, derived from `src/domain` (the one
 * source): each enum is an object `{ NAME: 'NAME' }` built from the domain's list, and a type of
 * the same name.
 */
import { registerEnumType } from 'type-graphql';
import {
  APPROACHES,
  APPROACH_DESCRIPTION,
  ATTRACTIVENESS,
  CODINGS,
  CODING_DESCRIPTION,
  COMMITMENT_FORMS,
  COMMITMENT_FORM_DESCRIPTION,
  CONFIDENCE,
  OBLIGATIONS,
  OUTCOMES,
  OUTCOME_INFO,
  OUTSIDE_OPTION_KINDS,
  PRECISIONS,
  PROPOSAL_RESPONSES,
  THIRD_PARTY_ROLES,
  WAR_PLAN_KINDS,
  describeAttractiveness,
} from '../domain/index.js';

/** `{ A: 'A', B: 'B' }` from `['A', 'B']`: what type-graphql registers as an enum. */
export function enumOf<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T[number]]: K };
}

export const Outcome = enumOf(OUTCOMES);
export type Outcome = (typeof OUTCOMES)[number];
export const Approach = enumOf(APPROACHES);
export type Approach = (typeof APPROACHES)[number];
export const Obligation = enumOf(OBLIGATIONS);
export type Obligation = (typeof OBLIGATIONS)[number];
export const Precision = enumOf(PRECISIONS);
export type Precision = (typeof PRECISIONS)[number];
export const Confidence = enumOf(CONFIDENCE);
export type Confidence = (typeof CONFIDENCE)[number];
export const WarPlanKind = enumOf(WAR_PLAN_KINDS);
export type WarPlanKind = (typeof WAR_PLAN_KINDS)[number];
export const ProposalResponse = enumOf(PROPOSAL_RESPONSES);
export type ProposalResponse = (typeof PROPOSAL_RESPONSES)[number];
export const CommitmentForm = enumOf(COMMITMENT_FORMS);
export type CommitmentForm = (typeof COMMITMENT_FORMS)[number];
export const OutsideOptionKind = enumOf(OUTSIDE_OPTION_KINDS);
export type OutsideOptionKind = (typeof OUTSIDE_OPTION_KINDS)[number];
export const Attractiveness = enumOf(ATTRACTIVENESS);
export type Attractiveness = (typeof ATTRACTIVENESS)[number];
export const ThirdPartyRole = enumOf(THIRD_PARTY_ROLES);
export type ThirdPartyRole = (typeof THIRD_PARTY_ROLES)[number];
export const Coding = enumOf(CODINGS);
export type Coding = (typeof CODINGS)[number];

registerEnumType(Outcome, {
  name: 'Outcome',
  description: `How a negotiation ended. ${OUTCOMES.map((o) => `${o}: ${OUTCOME_INFO[o].description}`).join('; ')}.`,
});
registerEnumType(Approach, { name: 'Approach', description: `The approach of a war plan. ${APPROACH_DESCRIPTION}` });
registerEnumType(Obligation, { name: 'Obligation', description: 'ATOP obligation types.' });
registerEnumType(Precision, { name: 'Precision', description: 'How precisely the record gives a date.' });
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How firmly the historical record supports a coded fact.',
});
registerEnumType(WarPlanKind, {
  name: 'WarPlanKind',
  description:
    'IDEAL: a plan a party wanted (its entry plan, or a later one from a round); PROPOSED: the plan a proposal put on the table.',
});
registerEnumType(ProposalResponse, {
  name: 'ProposalResponse',
  description: 'How the other parties answered a proposal.',
});
registerEnumType(CommitmentForm, { name: 'CommitmentForm', description: COMMITMENT_FORM_DESCRIPTION });
registerEnumType(OutsideOptionKind, {
  name: 'OutsideOptionKind',
  description:
    'ALTERNATIVE_ALLY: another state instead of the partners at the table; UNILATERAL: handling the target alone; BUCK_PASSING: leaving the cost of deterring the target to others.',
});
registerEnumType(Attractiveness, {
  name: 'Attractiveness',
  description: `How attractive a recorded outside option was as the party saw it (value used by the model: ${describeAttractiveness()}).`,
});
registerEnumType(ThirdPartyRole, {
  name: 'ThirdPartyRole',
  description: 'INVITED: asked to join; VETO: their consent was needed for the plan and withheld (or could be).',
});
registerEnumType(Coding, { name: 'Coding', description: CODING_DESCRIPTION });
