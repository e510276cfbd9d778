/** How negotiations, proposals and third parties are described. */

/**
 * AGREEMENT: a treaty was signed and entered into force; NONAGREEMENT: the talks ended without a
 * signed treaty; SIGNED_NOT_IN_FORCE: a treaty was signed but never took effect (Björkö 1905).
 * `agreed` is the outcome the agreement model learns (1 = the parties reached a signed treaty):
 * signing is what the negotiators controlled, so a treaty signed and then disowned counts as
 * agreement at the table.
 */
export const OUTCOMES = ['AGREEMENT', 'NONAGREEMENT', 'SIGNED_NOT_IN_FORCE'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_INFO: Record<
  Outcome,
  { agreed: boolean; hasTreaty: boolean; inForce: boolean; description: string }
> = {
  AGREEMENT: {
    agreed: true,
    hasTreaty: true,
    inForce: true,
    description: 'a treaty was signed and entered into force',
  },
  NONAGREEMENT: {
    agreed: false,
    hasTreaty: false,
    inForce: false,
    description: 'the talks ended without a signed treaty',
  },
  SIGNED_NOT_IN_FORCE: {
    agreed: true,
    hasTreaty: true,
    inForce: false,
    description: 'a treaty was signed but never took effect (counted as agreement by the model)',
  },
};

export const PROPOSAL_RESPONSES = [
  'ACCEPTED',
  'REJECTED',
  'COUNTERED',
  'DEFERRED',
  'NO_RESPONSE',
  'WITHDRAWN',
] as const;
export type ProposalResponse = (typeof PROPOSAL_RESPONSES)[number];
/** How the other parties answered a proposal (`responseNote` qualifies the answer where needed). */
export const PROPOSAL_RESPONSE_DESCRIPTIONS: Record<ProposalResponse, string> = {
  ACCEPTED: 'The other parties accepted the proposal, as drafted or in substance.',
  REJECTED: 'The other parties turned the proposal down.',
  COUNTERED: 'The other parties answered with a proposal of their own, or offered less than was asked.',
  DEFERRED: 'The other parties put off a decision, neither accepting nor rejecting the proposal.',
  NO_RESPONSE: 'No answer followed: the proposal was not taken up.',
  WITHDRAWN: 'The proposer withdrew or abandoned the proposal.',
};

/**
 * States not at the table whose place in the talks was itself at issue. INVITED: asked to join the
 * treaty or the talks (the Baltic states in 1934); VETO: their consent was needed for the plan and
 * they withheld it or could (Poland and Romania on Soviet passage in 1939).
 */
export const THIRD_PARTY_ROLES = ['INVITED', 'VETO'] as const;
export type ThirdPartyRole = (typeof THIRD_PARTY_ROLES)[number];
export const THIRD_PARTY_ROLE_DESCRIPTIONS: Record<ThirdPartyRole, string> = {
  INVITED: 'Asked to join the treaty or the talks (the Baltic states in 1934).',
  VETO: 'Its consent was needed for the plan, and it withheld it or could (Poland and Romania on Soviet passage in 1939).',
};

export const isOutcome = (s: string): s is Outcome => (OUTCOMES as readonly string[]).includes(s);
