/**
 * The components of a war plan (Poast 2019): the target (a threat, posed by one or more states), the
 * approach, and the two strategic details below them that often decided the talks: the scope of
 * the commitment (regions or states covered) and its form.
 */
export const APPROACHES = ['OFFENSIVE', 'DEFENSIVE'] as const;
export type Approach = (typeof APPROACHES)[number];
export const APPROACH_DESCRIPTIONS: Record<Approach, string> = {
  OFFENSIVE: "Apply force on the target's territory (invade).",
  DEFENSIVE: 'Deter or resist an attack by the target.',
};

/**
 * The kinds of war plan. An alternative reading of a plan is not a kind: it is kept beside the
 * primary coding with its rationale (see CODINGS).
 */
export const WAR_PLAN_KINDS = ['IDEAL', 'PROPOSED'] as const;
export type WarPlanKind = (typeof WAR_PLAN_KINDS)[number];
export const WAR_PLAN_KIND_DESCRIPTIONS: Record<WarPlanKind, string> = {
  IDEAL: 'A plan a party wanted: its entry plan, or a later one from a given round.',
  PROPOSED: 'The plan a proposal put on the table, attributed to the first of its proposers.',
};

/** The form of a commitment: whether the casus foederis obliges at once or leaves each party to decide. */
export const COMMITMENT_FORMS = ['AUTOMATIC', 'CONSULTATIVE'] as const;
export type CommitmentForm = (typeof COMMITMENT_FORMS)[number];
export const COMMITMENT_FORM_DESCRIPTIONS: Record<CommitmentForm, string> = {
  AUTOMATIC: 'The commitment takes effect at once when its condition is met (the casus foederis obliges).',
  CONSULTATIVE: 'Each party decides, after consultation, what action to take.',
};

/**
 * Which reading of the record a computation uses. SECOND_CODER is the blind second coding of the
 * reliability sample (seed/second-coding/), which codes only the sampled parties' entry plans.
 */
export const CODINGS = ['PRIMARY', 'ALTERNATIVE', 'SECOND_CODER'] as const;
export type Coding = (typeof CODINGS)[number];
export const CODING_DESCRIPTIONS: Record<Coding, string> = {
  PRIMARY: 'The coding the record gives first.',
  ALTERNATIVE:
    'Each plan or recorded option that carries an alternative coding is read with its first alternative instead.',
  SECOND_CODER:
    "The sampled parties' entry plans as the blind second coder coded them (seed/second-coding/); only the negotiations of the reliability sample have one.",
};
/** The codings a plan or recorded option of the record itself carries (the second coding is kept apart, seed/second-coding/). */
export const RECORD_CODINGS = ['PRIMARY', 'ALTERNATIVE'] as const satisfies readonly Coding[];
