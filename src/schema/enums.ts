/**
 * The closed vocabularies of the domain as GraphQL enums, derived from `src/domain` (the one
 * source): each enum is an object `{ NAME: 'NAME' }` built from the domain's list, and a type of
 * the same name; each value's description is the domain's (`describedBy`).
 */
import { registerEnumType } from 'type-graphql';
import {
  APPROACHES,
  APPROACH_DESCRIPTIONS,
  ATTRACTIVENESS,
  ATTRACTIVENESS_DESCRIPTIONS,
  ATTRACTIVENESS_VALUE,
  CODINGS,
  CODING_DESCRIPTIONS,
  COMMITMENT_FORMS,
  COMMITMENT_FORM_DESCRIPTIONS,
  CONFIDENCE,
  CONFIDENCE_DESCRIPTIONS,
  OBLIGATIONS,
  OBLIGATION_INFO,
  OUTCOMES,
  OUTCOME_INFO,
  OUTSIDE_OPTION_KINDS,
  OUTSIDE_OPTION_KIND_DESCRIPTIONS,
  PRECISIONS,
  PRECISION_DESCRIPTIONS,
  PROPOSAL_RESPONSES,
  PROPOSAL_RESPONSE_DESCRIPTIONS,
  THIRD_PARTY_ROLES,
  THIRD_PARTY_ROLE_DESCRIPTIONS,
  WAR_PLAN_KINDS,
  WAR_PLAN_KIND_DESCRIPTIONS,
} from '../domain/index.js';

/** `{ A: 'A', B: 'B' }` from `['A', 'B']`: what type-graphql registers as an enum. */
export function enumOf<const T extends readonly string[]>(values: T): { readonly [K in T[number]]: K } {
  return Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T[number]]: K };
}

/** A domain phrase as a sentence: capital first letter, full stop at the end. */
export const asSentence = (phrase: string): string =>
  phrase.charAt(0).toUpperCase() + phrase.slice(1) + (/[.!?]$/.test(phrase) ? '' : '.');

/** type-graphql's `valuesConfig`: each value of a vocabulary with the description the domain gives it. */
export function describedBy<const T extends string>(
  values: readonly T[],
  describe: Readonly<Record<T, string>> | ((value: T) => string),
): Record<T, { description: string }> {
  const text = typeof describe === 'function' ? describe : (v: T) => describe[v];
  return Object.fromEntries(values.map((v) => [v, { description: text(v) }])) as Record<T, { description: string }>;
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
  description: 'How a negotiation ended.',
  valuesConfig: describedBy(OUTCOMES, (o) => asSentence(OUTCOME_INFO[o].description)),
});
registerEnumType(Approach, {
  name: 'Approach',
  description: 'The approach of a war plan: what the parties would do about the target.',
  valuesConfig: describedBy(APPROACHES, APPROACH_DESCRIPTIONS),
});
registerEnumType(Obligation, {
  name: 'Obligation',
  description: 'ATOP obligation types: what a member promises its partners.',
  valuesConfig: describedBy(
    OBLIGATIONS,
    (o) => `${asSentence(OBLIGATION_INFO[o].description).slice(0, -1)} (ATOP column ${OBLIGATION_INFO[o].atopColumn}).`,
  ),
});
registerEnumType(Precision, {
  name: 'Precision',
  description: 'How precisely the record gives a date.',
  valuesConfig: describedBy(PRECISIONS, PRECISION_DESCRIPTIONS),
});
registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How firmly the historical record supports a coded fact.',
  valuesConfig: describedBy(CONFIDENCE, CONFIDENCE_DESCRIPTIONS),
});
registerEnumType(WarPlanKind, {
  name: 'WarPlanKind',
  description: 'Whether a war plan is one a party wanted or one a proposal put on the table.',
  valuesConfig: describedBy(WAR_PLAN_KINDS, WAR_PLAN_KIND_DESCRIPTIONS),
});
registerEnumType(ProposalResponse, {
  name: 'ProposalResponse',
  description: 'How the other parties answered a proposal.',
  valuesConfig: describedBy(PROPOSAL_RESPONSES, PROPOSAL_RESPONSE_DESCRIPTIONS),
});
registerEnumType(CommitmentForm, {
  name: 'CommitmentForm',
  description: 'The form of a commitment: automatic, or left to each party after consultation.',
  valuesConfig: describedBy(COMMITMENT_FORMS, COMMITMENT_FORM_DESCRIPTIONS),
});
registerEnumType(OutsideOptionKind, {
  name: 'OutsideOptionKind',
  description: 'The kinds of outside option: the ways a party can do without the treaty on the table.',
  valuesConfig: describedBy(OUTSIDE_OPTION_KINDS, OUTSIDE_OPTION_KIND_DESCRIPTIONS),
});
registerEnumType(Attractiveness, {
  name: 'Attractiveness',
  description: 'How attractive a recorded outside option was as the party saw it.',
  valuesConfig: describedBy(
    ATTRACTIVENESS,
    (a) => `${ATTRACTIVENESS_DESCRIPTIONS[a]} The model reads it as ${ATTRACTIVENESS_VALUE[a]}.`,
  ),
});
registerEnumType(ThirdPartyRole, {
  name: 'ThirdPartyRole',
  description: 'Why a state not at the table mattered to the talks.',
  valuesConfig: describedBy(THIRD_PARTY_ROLES, THIRD_PARTY_ROLE_DESCRIPTIONS),
});
registerEnumType(Coding, {
  name: 'Coding',
  description: 'Which reading of the record a computation uses.',
  valuesConfig: describedBy(CODINGS, CODING_DESCRIPTIONS),
});
