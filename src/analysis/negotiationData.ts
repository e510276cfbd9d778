/**
 * The small data interface the analysis reads negotiations through: plain records, no GraphQL
 * classes. Built per request over the batched loaders, so that however many negotiations an
 * analysis touches, each level costs one query.
 */
import type { Loaders } from '../loaders/createLoaders.js';
import type { PartyPlan } from './compatibility.js';
import type { Coding } from '../domain/index.js';

export interface RecordedOption {
  party: number;
  kind: string;
  ally: number | null;
  attractiveness: string;
  realisedIn: string | null;
}

export interface NegotiationInfo {
  key: string;
  name: string;
  start: string;
  end: string;
  outcome: string;
}

export interface NegotiationData {
  negotiation(key: string): Promise<NegotiationInfo | null>;
  /** The ccodes of the parties at the table. */
  parties(key: string): Promise<number[]>;
  /**
   * The parties' entry IDEAL plans, each target read as the states posing it (two threat nodes
   * posed by the USSR are one target); with `coding: 'ALTERNATIVE'` a plan that carries an
   * alternative coding is read with its first alternative; with `coding: 'SECOND_CODER'` each
   * party's entry plan is the blind second coder's target and approach (its scope and form, which the
   * second coder did not code, stay the record's), and a party the second coder could not code, or
   * every party of a negotiation outside the reliability sample, has no plan.
   */
  idealPlans(key: string, coding?: Coding): Promise<PartyPlan[]>;
  /** The ideal plans in force from each round in which some party's plan changed (after the entry plans). */
  plansByRound(key: string, coding?: Coding): Promise<{ round: number; plans: PartyPlan[] }[]>;
  /** The recorded outside options of the negotiation's parties. */
  recordedOptions(key: string, coding?: Coding): Promise<RecordedOption[]>;
  /** Names of states, for explanations (an unknown ccode is named by its number). */
  stateNames(ccodes: readonly number[]): Promise<Map<number, string>>;
  /** The names of the states the graph holds, of those asked (an unknown ccode is absent). */
  knownStates(ccodes: readonly number[]): Promise<Map<number, string>>;
}

export function negotiationDataFrom(
  l: Pick<
    Loaders,
    | 'negotiation'
    | 'partiesOfNegotiation'
    | 'warPlansOfNegotiation'
    | 'posersOfThreat'
    | 'state'
    | 'recordedOptionsOfNegotiation'
    | 'secondCodingsOfNegotiation'
  >,
): NegotiationData {
  /** IDEAL plans (entry and later), read under a coding, with targets as posing states. */
  async function planRows(key: string, coding: Coding) {
    const rows = await primaryOrAlternativeRows(key, coding);
    if (coding !== 'SECOND_CODER') return rows;
    const codings = await l.secondCodingsOfNegotiation.load(key);
    const posers = await l.posersOfThreat.loadMany(codings.map((c) => c.targetKey ?? ''));
    const entry = rows.filter((w) => w.fromRound === null);
    const second = codings.flatMap((c, i) => {
      const p = posers[i];
      const targets = c.targetKey !== null ? (!p || p instanceof Error ? [] : p.map((s) => s.ccode)) : c.targetCcodes;
      if (targets === null || c.approach === null) return [];
      const first = entry.find((w) => w.plan.party === c.party)?.plan;
      return [
        {
          fromRound: null,
          plan: {
            party: c.party,
            targets: targets.filter((t) => t !== c.party),
            approach: c.approach,
            scope: first?.scope ?? null,
            form: first?.form ?? null,
          },
        },
      ];
    });
    return [...second, ...rows.filter((w) => w.fromRound !== null)];
  }

  async function primaryOrAlternativeRows(key: string, coding: Coding) {
    const plans = (await l.warPlansOfNegotiation.load(key))
      .filter((w) => w.kind === 'IDEAL')
      .map((w) =>
        coding === 'ALTERNATIVE' && w.alternatives[0] ? { ...w.alternatives[0], fromRound: w.fromRound } : w,
      );
    const posers = await l.posersOfThreat.loadMany(plans.map((w) => w.targetKey));
    return plans.map((w, i) => {
      const p = posers[i];
      const ccodes = !p || p instanceof Error ? [] : p.map((s) => s.ccode);
      const scope = w.scope
        ? [...w.scope.regionKeys.map((r) => `r:${r}`), ...w.scope.stateCcodes.map((c) => `s:${c}`)]
        : null;
      return {
        fromRound: w.fromRound,
        plan: {
          party: w.partyCcode,
          targets: ccodes.filter((c) => c !== w.partyCcode),
          approach: w.approach,
          scope,
          form: w.form,
        },
      };
    });
  }
  return {
    async negotiation(key) {
      const n = await l.negotiation.load(key);
      return n ? { key: n.key, name: n.name, start: n.start, end: n.end, outcome: n.outcome } : null;
    },
    async parties(key) {
      return (await l.partiesOfNegotiation.load(key)).map((s) => s.ccode);
    },
    async idealPlans(key, coding = 'PRIMARY') {
      return (await planRows(key, coding)).filter((w) => w.fromRound === null).map((w) => w.plan);
    },
    async plansByRound(key, coding = 'PRIMARY') {
      const rows = await planRows(key, coding);
      const rounds = [...new Set(rows.flatMap((w) => (w.fromRound === null ? [] : [w.fromRound])))].sort(
        (a, b) => a - b,
      );
      return rounds.map((round) => {
        const held = new Map<number, PartyPlan>();
        for (const w of [...rows].sort((a, b) => (a.fromRound ?? 0) - (b.fromRound ?? 0)))
          if ((w.fromRound ?? 0) <= round) held.set(w.plan.party, w.plan);
        return { round, plans: [...held.values()] };
      });
    },
    async recordedOptions(key, coding = 'PRIMARY') {
      return (await l.recordedOptionsOfNegotiation.load(key)).map((o) => {
        const alt = coding === 'ALTERNATIVE' ? o.alternatives[0] : undefined;
        const read = alt ?? o;
        return {
          party: o.partyCcode,
          kind: read.kind,
          ally: read.allyCcode,
          attractiveness: read.attractiveness,
          realisedIn: o.realisedInKey,
        };
      });
    },
    async knownStates(ccodes) {
      const codes = [...new Set(ccodes)];
      const states = await l.state.loadMany(codes);
      return new Map(
        codes.flatMap((c, i) => {
          const s = states[i];
          return s && !(s instanceof Error) ? [[c, s.name] as const] : [];
        }),
      );
    },
    async stateNames(ccodes) {
      const codes = [...new Set(ccodes)];
      const states = await l.state.loadMany(codes);
      return new Map(
        codes.map((c, i) => {
          const s = states[i];
          return [c, s && !(s instanceof Error) ? s.name : String(c)];
        }),
      );
    },
  };
}

/** The states a party's ideal plan(s) aim at. */
export function targetsOf(plans: readonly PartyPlan[], party: number): number[] {
  return [...new Set(plans.filter((p) => p.party === party).flatMap((p) => p.targets))];
}
