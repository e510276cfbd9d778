/**
 * The units of the reliability comparison (docs/codebook.md §20.3): one per party of each sampled
 * negotiation, its entry plan as the record codes it (the primary coding, not its alternatives) beside
 * the blind second coding. The target is compared as the set of states posing it, without the party
 * itself — as the agreement model reads targets (`src/analysis/negotiationData.ts`), so that two
 * threats posed by the same states are one target; the approach as OFFENSIVE or DEFENSIVE. A party
 * under `plansUnknown`, or a component the second coder left null, is unknown (null).
 */
import type { SeedData } from './readSeedDir.js';

/** The variables each unit compares. */
export const SECOND_CODING_VARIABLES = ['target', 'approach'] as const;
export type SecondCodingVariable = (typeof SECOND_CODING_VARIABLES)[number];

export interface SecondCodingUnit {
  negotiation: string;
  party: number;
  /** [first coding, second coding]: the target's states as `{200,365}` (sorted ccodes; `{}` when only the party poses it). */
  target: [string | null, string | null];
  /** [first coding, second coding]. */
  approach: [string | null, string | null];
}

/** A set of states as one nominal value: sorted ccodes in braces. */
export const stateSet = (ccodes: readonly number[], party: number): string =>
  `{${[...new Set(ccodes.filter((c) => c !== party))].sort((a, b) => a - b).join(',')}}`;

/** The units of the record's sample, in the order of sample.yaml's keys and the negotiation's parties. */
export function secondCodingUnits(data: SeedData): SecondCodingUnit[] {
  const posedBy = new Map(data.threats.map((t) => [t.id, t.posedBy]));
  const byId = new Map(data.negotiations.map((n) => [n.id, n]));
  const second = new Map(data.secondCoding.codings.map((c) => [`${c.negotiation}@${c.party}`, c]));
  return (data.secondCoding.sample?.keys ?? []).flatMap((key) => {
    const n = byId.get(key)!;
    return n.parties.map((party) => {
      const plan = n.warPlans.find((w) => w.party === party && w.fromRound === undefined);
      const c = second.get(`${key}@${party}`);
      const secondTarget =
        typeof c?.target === 'string' ? posedBy.get(c.target)! : c?.targetStates ? c.targetStates : null;
      return {
        negotiation: key,
        party,
        target: [
          plan ? stateSet(posedBy.get(plan.target)!, party) : null,
          secondTarget && stateSet(secondTarget, party),
        ],
        approach: [plan?.approach ?? null, c?.approach ?? null],
      };
    });
  });
}
