/**
 * The parties' IDEAL war plans in a negotiation, with each target read as the states posing it
 * (two threat nodes posed by the USSR are one target). One place for what the outside options, the
 * alternative allies and the agreement model all need; batched through the loaders.
 */
import type { PartyPlan } from '../analysis/compatibility.js';
import type { BaseLoaders } from './createLoaders.js';

export async function idealPlansOf(l: Pick<BaseLoaders, 'warPlansOfNegotiation' | 'posersOfThreat'>, negotiation: string): Promise<PartyPlan[]> {
  const plans = (await l.warPlansOfNegotiation.load(negotiation)).filter((w) => w.kind === 'IDEAL');
  const posers = await l.posersOfThreat.loadMany(plans.map((w) => w.targetKey));
  return plans.map((w, i) => {
    const p = posers[i];
    const ccodes = !p || p instanceof Error ? [] : p.map((s) => s.ccode);
    return { party: w.partyCcode, targets: ccodes.filter((c) => c !== w.partyCcode), approach: w.approach };
  });
}

/** The states a party's ideal plan(s) aim at. */
export function targetsOf(plans: readonly PartyPlan[], party: number): number[] {
  return [...new Set(plans.filter((p) => p.party === party).flatMap((p) => p.targets))];
}
