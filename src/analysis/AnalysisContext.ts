/**
 * The analyses as operations, built once per request by `createContext`: a resolver reads its
 * arguments, calls one operation and maps the plain result to GraphQL objects. Each operation
 * builds its request, batches the reads through the request's loaders (so that a page of
 * negotiations asking every party's options reads once) and scores with the pure modules.
 */
import DataLoader from 'dataloader';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { BatchSchedule, Loaders } from '../loaders/createLoaders.js';
import { BadInputError } from '../errors/index.js';
import type { Coding } from '../domain/index.js';
import { negotiationDataFrom, type NegotiationData } from './negotiationData.js';
import {
  createOutsideOptionsLoader,
  dateRequest,
  negotiationRequest,
  outsideOptionsSeries,
  seriesRequest,
  type AlternativeAlly,
  type OptionResult,
  type OutsideOptionsLoader,
  type SeriesPoint,
  type SeriesQuery,
} from './outsideOptions/index.js';
import { compareOptions, type OptionComparisonData } from './compareOptions.js';
import { compatibility, type Compatibility } from './compatibility.js';
import { sharedTargets, type SharedTarget } from './sharedTargets.js';
import { capabilityRatio, portfolioSimilarity, type SimilarityMeasure } from './measures.js';
import { allianceNetwork, shortestAlliancePath, type Network, type NetworkEdge } from './allianceNetwork.js';
import {
  estimateHypothetical,
  estimateNegotiation,
  type EstimatePair,
  type HypotheticalInput,
  type WhatIf,
} from './agreement/index.js';

/** What `alternativeAllies` is asked: at a date, or at a negotiation (its start and span), or both. */
export interface AlternativeAlliesQuery {
  state: number;
  at?: string;
  negotiation?: string;
  /** The state posing the target; default: the state's plan at the negotiation, or any it stood against. */
  target?: number;
  windowYears: number;
}

export interface AnalysisContext {
  executor: QueryExecutor;
  /** The negotiations as plain records, read through the request's loaders. */
  negotiations: NegotiationData;
  /** A party's computed outside options at a negotiation's start (NOT_FOUND / BAD_USER_INPUT for an unknown negotiation or a non-party). */
  optionsAtNegotiation(negotiation: string, party: number, argument?: string): Promise<OptionResult>;
  /** A state's outside options on a date outside any recorded negotiation: the targets it stood against then. */
  optionsOnDate(state: number, at: string): Promise<OptionResult>;
  /** The alternative allies of a state, best first; a state that is not a party may ask what it could have done instead. */
  alternativeAllies(q: AlternativeAlliesQuery): Promise<AlternativeAlly[]>;
  /** Each recorded option of a party beside the computed one of the same kind. */
  optionComparison(negotiation: string, party: number): Promise<OptionComparisonData[]>;
  /** A state's outside options over time, all points in one batch. */
  optionsSeries(args: SeriesQuery): Promise<SeriesPoint[]>;
  /** Compatibility of the entry plans, and of the plans in force from each round in which one moved. */
  compatibilityByRound(
    negotiation: string,
    coding: Coding,
  ): Promise<{ entry: Compatibility; byRound: ({ round: number } & Compatibility)[] }>;
  sharedTargets(a: number, b: number, at: string, windowYears: number): Promise<SharedTarget[]>;
  portfolioSimilarity: (
    a: number,
    b: number,
    year: number,
    measure: SimilarityMeasure,
  ) => ReturnType<typeof portfolioSimilarity>;
  capabilityRatio: (a: number, b: number, year: number) => ReturnType<typeof capabilityRatio>;
  allianceNetwork(at: string, minObligation?: string | null): Promise<Network>;
  /** The shortest chain of alliance ties between two states at a date, or null. */
  alliancePath(from: number, to: number, at: string): Promise<{ states: number[]; ties: NetworkEdge[] } | null>;
  /** A historical negotiation's likelihood of a treaty (fitted without it); null when it is not a case of the model. */
  estimateNegotiation(key: string, whatIf: WhatIf | null, coding: Coding): Promise<EstimatePair | null>;
  /** A negotiation that did not happen (fitted on every case). */
  estimateHypothetical(input: HypotheticalInput, whatIf: WhatIf | null): Promise<EstimatePair>;
  /** The outside-options DataLoader the operations share (the series and the model's cases go through it). */
  outsideOptions: OutsideOptionsLoader;
}

/**
 * `signal`: the request's, which also stops the analysis' JS work between slices (src/pacer.ts);
 * `schedule`: when the batches of its loaders go out (the request's, as for createLoaders).
 */
export function createAnalysisContext(
  executor: QueryExecutor,
  loaders: Loaders,
  signal?: AbortSignal,
  schedule?: BatchSchedule,
): AnalysisContext {
  const negotiations = negotiationDataFrom(loaders);
  const outsideOptions = createOutsideOptionsLoader(executor, signal, schedule);
  // Parties at negotiations are batched by (negotiation, party), their requests built together and
  // scored in one batch: building a request takes a different number of loader hops for a party
  // whose plan names no target, which would otherwise split a page's parties into two batches.
  const atNegotiation = new DataLoader<{ negotiation: string; party: number; argument: string }, OptionResult, string>(
    async (keys) => {
      const requests = await Promise.allSettled(
        keys.map((k) => negotiationRequest(negotiations, k.negotiation, k.party, k.argument)),
      );
      const built = requests.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      const results = await outsideOptions.loadMany(built);
      let j = 0;
      return requests.map((r) => (r.status === 'fulfilled' ? results[j++]! : (r.reason as Error)));
    },
    { cacheKeyFn: (k) => `${k.negotiation} ${k.party} ${k.argument}`, batchScheduleFn: schedule },
  );
  const a: AnalysisContext = {
    executor,
    negotiations,
    outsideOptions,
    optionsAtNegotiation: (negotiation, party, argument = 'party') =>
      atNegotiation.load({ negotiation, party, argument }),
    optionsOnDate: (state, at) => outsideOptions.load(seriesRequest(state, at)),
    async alternativeAllies({ state, at, negotiation, target, windowYears }) {
      const targets = target != null ? [target] : null;
      let request = at ? dateRequest(state, at, { targets: targets ?? [], windowYears }) : null;
      if (negotiation) {
        const n = await negotiationRequest(negotiations, negotiation, state, 'state').catch(async (e: unknown) => {
          // Not a party: read it at the talks, its parties at the table.
          if (!(e instanceof BadInputError)) throw e;
          const [info, parties] = await Promise.all([
            negotiations.negotiation(negotiation),
            negotiations.parties(negotiation),
          ]);
          return {
            ...dateRequest(state, info!.start),
            talksFrom: info!.start,
            talksTo: info!.end,
            atTable: parties.filter((c) => c !== state),
            negotiation,
          };
        });
        request = { ...n, at: at ?? n.at, windowYears, targets: targets ?? n.targets };
      }
      if (!request) throw new BadInputError('alternativeAllies needs `at` or `negotiation`');
      return (await outsideOptions.load(request)).alternativeAllies.allies;
    },
    async optionComparison(negotiation, party) {
      const [recorded, computed] = await Promise.all([
        negotiations.recordedOptions(negotiation),
        a.optionsAtNegotiation(negotiation, party),
      ]);
      return compareOptions(
        recorded.filter((o) => o.party === party),
        computed,
      );
    },
    optionsSeries: (args) => outsideOptionsSeries(executor, args, outsideOptions),
    async compatibilityByRound(negotiation, coding) {
      const [parties, entry, rounds] = await Promise.all([
        negotiations.parties(negotiation),
        negotiations.idealPlans(negotiation, coding),
        negotiations.plansByRound(negotiation, coding),
      ]);
      if (coding === 'SECOND_CODER' && parties.length && !entry.length)
        throw new BadInputError(
          `${negotiation} is not in the second-coding sample (seed/second-coding/sample.yaml): no SECOND_CODER reading`,
          'coding',
        );
      return {
        entry: compatibility(parties, entry),
        byRound: rounds.map((r) => ({ round: r.round, ...compatibility(parties, r.plans) })),
      };
    },
    sharedTargets: (x, y, at, windowYears) => sharedTargets(executor, x, y, at, windowYears),
    portfolioSimilarity: (x, y, year, measure) => portfolioSimilarity(executor, x, y, year, measure),
    capabilityRatio: (x, y, year) => capabilityRatio(executor, x, y, year),
    allianceNetwork: (at, minObligation = null) => allianceNetwork(executor, at, minObligation),
    async alliancePath(from, to, at) {
      const path = shortestAlliancePath(await allianceNetwork(executor, at), from, to);
      if (!path) return null;
      const states = [from];
      for (const e of path) states.push(e.source === states.at(-1) ? e.target : e.source);
      return { states, ties: path };
    },
    estimateNegotiation: (key, whatIf, coding) => estimateNegotiation(a, key, whatIf, coding),
    estimateHypothetical: (input, whatIf) => estimateHypothetical(a, input, whatIf),
  };
  return a;
}
