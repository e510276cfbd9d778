/**
 * The small data interface the analysis reads negotiations through: plain records, no GraphQL
 * classes. Built per request over the batched loaders, so that however many negotiations an
 * analysis touches, each level costs one query.
 */
import type { Loaders } from '../loaders/createLoaders.js';
import type { PartyPlan } from './compatibility.js';

export interface NegotiationInfo { key: string; name: string; start: string; end: string; outcome: string }

export interface NegotiationData {
  negotiation(key: string): Promise<NegotiationInfo | null>;
  /** The ccodes of the parties at the table. */
  parties(key: string): Promise<number[]>;
  /** The parties' entry IDEAL plans, each target read as the states posing it (two threat nodes posed by the USSR are one target). */
  idealPlans(key: string): Promise<PartyPlan[]>;
  /** Names of states, for explanations. */
  stateNames(ccodes: readonly number[]): Promise<Map<number, string>>;
}

export function negotiationDataFrom(l: Pick<Loaders, 'negotiation' | 'partiesOfNegotiation' | 'warPlansOfNegotiation' | 'posersOfThreat' | 'state'>): NegotiationData {
  return {
    async negotiation(key) {
      const n = await l.negotiation.load(key);
      return n ? { key: n.key, name: n.name, start: n.start, end: n.end, outcome: n.outcome } : null;
    },
    async parties(key) { return (await l.partiesOfNegotiation.load(key)).map((s) => s.ccode); },
    async idealPlans(key) {
      const plans = (await l.warPlansOfNegotiation.load(key)).filter((w) => w.kind === 'IDEAL');
      const posers = await l.posersOfThreat.loadMany(plans.map((w) => w.targetKey));
      return plans.map((w, i) => {
        const p = posers[i];
        const ccodes = !p || p instanceof Error ? [] : p.map((s) => s.ccode);
        return { party: w.partyCcode, targets: ccodes.filter((c) => c !== w.partyCcode), approach: w.approach };
      });
    },
    async stateNames(ccodes) {
      const codes = [...new Set(ccodes)];
      const states = await l.state.loadMany(codes);
      return new Map(codes.map((c, i) => { const s = states[i]; return [c, s && !(s instanceof Error) ? s.name : String(c)]; }));
    },
  };
}

/** The states a party's ideal plan(s) aim at. */
export function targetsOf(plans: readonly PartyPlan[], party: number): number[] {
  return [...new Set(plans.filter((p) => p.party === party).flatMap((p) => p.targets))];
}
