/**
 * One outside-options request scored alone (a party at a negotiation, or on a date): what
 * Query.outsideOptions, Query.alternativeAllies and State.outsideOptions cost. Parties asked for
 * together (`partyPositions { outsideOptions }`) share one batch and cost less each.
 */
export const OUTSIDE_OPTIONS_ALONE = 300;
