/**
 * Per-request DataLoaders. Each loader's batch function runs ONE named query with `UNWIND` over
 * all the keys the level asked for, so a nested query costs one round trip per field per level,
 * whatever the number of parents. Created per request so that caching never leaks between users.
 */
import DataLoader from 'dataloader';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { Row } from '../store/GraphStore.js';
import * as m from './rowMappers.js';
import * as q from '../store/queries.gen.js';
import { readAllianceTies, type AllianceTie } from './allianceTies.js';

type Key = string | number;

/** Loads nodes by key with `query` (param `param`); missing keys load as null. */
function byKey<K extends Key, T>(
  ex: QueryExecutor,
  query: string,
  param: string,
  keyOf: (r: Row) => K,
  map: (r: Row) => T,
) {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await ex.read(query, { [param]: [...keys] });
    const found = new Map(rows.map((r) => [keyOf(r), map(r)]));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/** Loads the related nodes of each parent: `query` returns rows `{id, node}` in order. */
function related<K extends Key, T>(ex: QueryExecutor, query: string, param: string, map: (node: Row, parent: K) => T) {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await ex.read<{ id: K; node: Row }>(query, { [param]: [...keys] });
    const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
    for (const r of rows) groups.get(r.id)?.push(map(r.node, r.id));
    return keys.map((k) => groups.get(k)!);
  });
}

export function createLoaders(ex: QueryExecutor) {
  const id = (r: Row) => r.id as string;
  return {
    state: byKey(ex, 'statesByCcodes', 'ccodes', (r) => r.ccode as number, m.toState),
    negotiation: byKey(ex, 'negotiationsByIds', 'ids', id, m.toNegotiation),
    treaty: byKey(ex, 'treatiesByIds', 'ids', id, m.toTreaty),
    threat: byKey(ex, 'threatsByIds', 'ids', id, m.toThreat),
    era: byKey(ex, 'erasByIds', 'ids', id, m.toEra),
    round: byKey(ex, 'roundsByIds', 'ids', id, m.toRound),
    proposal: byKey(ex, 'proposalsByIds', 'ids', id, m.toProposal),
    warPlan: byKey(ex, 'warPlansByIds', 'ids', id, m.toWarPlan),
    source: byKey(ex, 'sourcesByKeys', 'keys', (r) => r.key as string, m.toSource),

    partiesOfNegotiation: related<string, ReturnType<typeof m.toState>>(ex, 'partiesOfNegotiations', 'ids', m.toState),
    roundsOfNegotiation: related<string, ReturnType<typeof m.toRound>>(ex, 'roundsOfNegotiations', 'ids', m.toRound),
    proposalsOfNegotiation: related<string, ReturnType<typeof m.toProposal>>(
      ex,
      'proposalsOfNegotiations',
      'ids',
      m.toProposal,
    ),
    warPlansOfNegotiation: related<string, ReturnType<typeof m.toWarPlan>>(
      ex,
      'warPlansOfNegotiations',
      'ids',
      m.toWarPlan,
    ),
    treatyOfNegotiation: related<string, ReturnType<typeof m.toTreaty>>(
      ex,
      'treatiesOfNegotiations',
      'ids',
      m.toTreaty,
    ),
    eraOfNegotiation: related<string, ReturnType<typeof m.toEra>>(ex, 'erasOfNegotiations', 'ids', m.toEra),
    eraOfTreaty: related<string, ReturnType<typeof m.toEra>>(ex, 'erasOfTreaties', 'ids', m.toEra),
    negotiationOfTreaty: related<string, string>(ex, 'negotiationsOfTreaties', 'ids', (r) => r.id as string),
    membersOfTreaty: related<
      string,
      { state: ReturnType<typeof m.toState>; membership: ReturnType<typeof m.toMembership> }
    >(ex, 'membersOfTreaties', 'ids', (r, treaty) => ({ state: m.toState(r), membership: m.toMembership(treaty, r) })),
    recordedOptionsOfNegotiation: related<string, ReturnType<typeof m.toRecordedOption>>(
      ex,
      'recordedOptionsOfNegotiations',
      'ids',
      m.toRecordedOption,
    ),
    thirdPartiesOfNegotiation: related<string, ReturnType<typeof m.toThirdParty>>(
      ex,
      'thirdPartiesOfNegotiations',
      'ids',
      m.toThirdParty,
    ),
    optionsRealisedIn: related<string, { negotiation: string; party: number; option: string }>(
      ex,
      'optionsRealisedInNegotiations',
      'ids',
      (r) => r as { negotiation: string; party: number; option: string },
    ),
    region: byKey(ex, 'regionsByIds', 'ids', (r) => r.id as string, m.toRegion),
    threatsOfTreaty: related<string, ReturnType<typeof m.toThreat>>(ex, 'threatsOfTreaties', 'ids', m.toThreat),
    posersOfThreat: related<string, ReturnType<typeof m.toState>>(ex, 'posersOfThreats', 'ids', m.toState),
    perceptionsOfThreat: related<string, ReturnType<typeof m.toPerception>>(ex, 'perceptionsOfThreats', 'ids', (r, t) =>
      m.toPerception({ ...r, threat: t }),
    ),
    perceptionsOfState: related<number, ReturnType<typeof m.toPerception>>(
      ex,
      'threatsPerceivedByStates',
      'ccodes',
      m.toPerception,
    ),
    negotiationsOfState: related<number, string>(ex, 'negotiationsOfStates', 'ccodes', (r) => r.id as string),
    phasesOfTreaty: related<string, ReturnType<typeof m.toTreatyPhase>>(ex, 'phasesOfTreaties', 'ids', m.toTreatyPhase),
    treatiesOfState: related<number, ReturnType<typeof m.toMembership>>(ex, 'treatiesOfStates', 'ccodes', (r, c) =>
      m.toMembership(r.treaty as string, { ...r, ccode: c }),
    ),
    negotiationsOfEra: related<string, string>(ex, 'negotiationsOfEras', 'ids', (r) => r.id as string),
    capabilitiesOfState: capabilities(ex),

    sourcesOf: {
      State: related<number, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfStates', 'ids', m.toCitation),
      Threat: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfThreats', 'ids', m.toCitation),
      Negotiation: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfNegotiations', 'ids', m.toCitation),
      NegotiationRound: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfRounds', 'ids', m.toCitation),
      Proposal: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfProposals', 'ids', m.toCitation),
      WarPlan: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfWarPlans', 'ids', m.toCitation),
      Treaty: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfTreaties', 'ids', m.toCitation),
      Era: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfEras', 'ids', m.toCitation),
      RecordedOption: related<string, ReturnType<typeof m.toCitation>>(
        ex,
        'sourcesOfRecordedOptions',
        'ids',
        m.toCitation,
      ),
      ThirdParty: related<string, ReturnType<typeof m.toCitation>>(ex, 'sourcesOfThirdParties', 'ids', m.toCitation),
    },
    /**
     * Alliance ties of a state in force at some time in [from, to]; key `ccode|from|to`, one query per level.
     * Each row carries `obligations`: what either member owes the other in the phase they share (ATOP's
     * dyad rule, `dyadObligations`); co-members that owe each other nothing are no tie.
     */
    alliesDuring: new DataLoader<string, AllianceTie[]>(async (keys) => {
      const parts = keys.map((k) => {
        const [ccode, from, to] = k.split('|');
        return { ccode: Number(ccode), from: from!, to: to! };
      });
      const ties = await readAllianceTies(
        ex,
        parts.map((p) => ({ ccode: p.ccode, at: p.to })),
      );
      return parts.map((p, i) =>
        ties[i]!.filter(
          (r) => (r.exit === null || r.exit >= p.from) && (r.otherExit === null || r.otherExit >= p.from),
        ),
      );
    }),
    systemSpellsOfState: related<number, { kind: string; start: string; end: string | null }>(
      ex,
      'systemSpellsOfStates',
      'ids',
      (r) => r as { kind: string; start: string; end: string | null },
    ),
  };
}

/** A state's capabilities over a year range (null = open), the key of the `capabilitiesOfState` loader. */
export interface CapabilityRange {
  ccode: number;
  from: number | null;
  to: number | null;
}

/** Capabilities per (state, year range): ONE `capabilitiesOfStates` query for all the keys of a level. */
function capabilities(ex: QueryExecutor) {
  const keyOf = (k: CapabilityRange) => `${k.ccode}:${k.from ?? ''}:${k.to ?? ''}`;
  return new DataLoader<CapabilityRange, ReturnType<typeof m.toCapability>[], string>(
    async (keys) => {
      const rows = await ex.read(q.capabilitiesOfStates, {
        ids: keys.map((k) => ({ key: keyOf(k), ccode: k.ccode, from: k.from, to: k.to })),
      });
      const groups = new Map<string, ReturnType<typeof m.toCapability>[]>(keys.map((k) => [keyOf(k), []]));
      for (const r of rows) groups.get(r.id)?.push(m.toCapability(r.node));
      return keys.map((k) => groups.get(keyOf(k))!);
    },
    { cacheKeyFn: keyOf },
  );
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many keys, keeping order, dropping keys that found nothing; a failed batch rethrows. */
export async function loadAll<K, T>(loader: DataLoader<K, T | null>, keys: readonly K[]): Promise<T[]> {
  const values = await loader.loadMany(keys);
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) throw failed;
  return values.filter((v): v is T => v !== null);
}
