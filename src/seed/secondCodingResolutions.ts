/**
 * How the record resolves each disagreement of the blind second coding (docs/codebook.md §20.5): one
 * paragraph of the negotiation's `notes` per disagreeing unit, in a fixed form,
 *
 *   Second coding (<party's state name>, target|approach): kept|alternative|changed — <reason>
 *
 * `kept`: the first coding stands; `alternative`: both readings stand, and the second is an alternative
 * coding of the party's entry plan (§14); `changed`: the first coding was wrong and is changed. A pure
 * reading of the notes: `test/seed/secondCodingResolutions.test.ts` checks that every disagreeing unit
 * has exactly one and no agreeing unit has one; `scripts/secondCoding.ts disagreements` lists them.
 */
import type { SecondCodingVariable } from './secondCodingUnits.js';

export const RESOLUTION_DECISIONS = ['kept', 'alternative', 'changed'] as const;
export type ResolutionDecision = (typeof RESOLUTION_DECISIONS)[number];

/** Every paragraph of the notes that begins so is read as a resolution (and must be well formed). */
export const RESOLUTION_PREFIX = 'Second coding (';

export interface Resolution {
  /** The paragraph as written. */
  paragraph: string;
  /** The party's state name as the paragraph gives it; undefined when the paragraph is malformed. */
  party?: string;
  variable?: SecondCodingVariable;
  decision?: ResolutionDecision;
  reason?: string;
}

const FORM = /^Second coding \((.+), (target|approach)\): (\S+) — (\S.*)$/s;

/** The resolution paragraphs of a negotiation's notes (paragraphs are separated by line breaks). */
export function resolutionsIn(notes: string | undefined): Resolution[] {
  return (notes ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.startsWith(RESOLUTION_PREFIX))
    .map((paragraph) => {
      const m = FORM.exec(paragraph);
      const decision = RESOLUTION_DECISIONS.find((d) => d === m?.[3]);
      if (!m || !decision) return { paragraph };
      return { paragraph, party: m[1]!, variable: m[2] as SecondCodingVariable, decision, reason: m[4]! };
    });
}
