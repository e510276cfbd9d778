/** The closed vocabularies of the domain, as GraphQL enums. */
import { registerEnumType } from 'type-graphql';

export enum Outcome { AGREEMENT = 'AGREEMENT', NONAGREEMENT = 'NONAGREEMENT' }
export enum Approach { OFFENSIVE = 'OFFENSIVE', DEFENSIVE = 'DEFENSIVE' }
export enum Obligation { DEFENSE = 'DEFENSE', OFFENSE = 'OFFENSE', NEUTRALITY = 'NEUTRALITY', NON_AGGRESSION = 'NON_AGGRESSION', CONSULTATION = 'CONSULTATION' }
export enum Precision { DAY = 'DAY', MONTH = 'MONTH', YEAR = 'YEAR' }
export enum Confidence { HIGH = 'HIGH', MEDIUM = 'MEDIUM', LOW = 'LOW' }
export enum WarPlanKind { IDEAL = 'IDEAL', PROPOSED = 'PROPOSED' }
export enum ProposalResponse { ACCEPTED = 'ACCEPTED', REJECTED = 'REJECTED', COUNTERED = 'COUNTERED', DEFERRED = 'DEFERRED', NO_RESPONSE = 'NO_RESPONSE', WITHDRAWN = 'WITHDRAWN' }

registerEnumType(Outcome, { name: 'Outcome', description: 'How a negotiation ended: with a signed treaty or without one.' });
registerEnumType(Approach, { name: 'Approach', description: 'The approach of a war plan: apply force on the target\'s territory, or deter and resist its attack.' });
registerEnumType(Obligation, { name: 'Obligation', description: 'ATOP obligation types.' });
registerEnumType(Precision, { name: 'Precision', description: 'How precisely the record gives a date.' });
registerEnumType(Confidence, { name: 'Confidence', description: 'How firmly the historical record supports a coded fact.' });
registerEnumType(WarPlanKind, { name: 'WarPlanKind', description: 'IDEAL: the plan a party brought to the table; PROPOSED: a plan put forward during the talks.' });
registerEnumType(ProposalResponse, { name: 'ProposalResponse', description: 'How the other parties answered a proposal.' });
