/**
 * The case universe (seed/universe.csv, rule in seed/README.md): every ATOP 5.1 alliance that begins
 * 1815-1949 is the outcome of a negotiation in the record (`IN`), or is `OUT` for one of these
 * reasons — a closed list, so that a reader can apply the rule and a test can check it.
 */
export const UNIVERSE_FIRST_YEAR = 1815;
export const UNIVERSE_LAST_YEAR = 1949;

export const UNIVERSE_STATUSES = ['IN', 'OUT'] as const;
export type UniverseStatus = (typeof UNIVERSE_STATUSES)[number];

export const UNIVERSE_EXCLUSIONS = {
  NOT_IN_SYSTEM:
    'An original member was not a member of the COW state system at signature (the record is of the state system; COW v2016).',
  IMPOSED:
    'Imposed by one party on another (under occupation, or as terms of peace), not negotiated between parties free to refuse.',
  PART_OF:
    'An instrument concluded within the talks of a negotiation already in the record (a companion, preliminary or secret protocol); the justification names the negotiation.',
  UNDOCUMENTED:
    "No source beyond ATOP's own coding confirms that the treaty was concluded as coded (its parties and date): the works and searches checked are named in the justification. A treaty known from its text or from a treaty collection is IN, with the minimal coding of seed/README.md.",
} as const;
export type UniverseExclusion = keyof typeof UNIVERSE_EXCLUSIONS;
export const UNIVERSE_EXCLUSION_CODES = Object.keys(UNIVERSE_EXCLUSIONS) as UniverseExclusion[];
