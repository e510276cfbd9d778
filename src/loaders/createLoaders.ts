/**
 * Per-request DataLoaders. Each loader's batch function runs ONE named query with `UNWIND` over
 * all the keys the level asked for, so a nested query costs one round trip per field per level,
 * whatever the number of parents. Created per request so that caching never leaks between users.
 */
import DataLoader from 'dataloader';
import type { QueryExecutor } from '../store/QueryExecutor.js';
import type { QueryHandle } from '../store/QueryHandle.js';
import * as m from './rowMappers.js';
import * as q from '../store/queries.gen.js';
import { readAllianceTies, tieSpell, type AllianceTie } from '../reads/allianceTies.js';
import { overlaps, strongestObligation } from '../domain/index.js';

/** One ally of a state in a period: the treaties between them and the strongest obligation either owes the other. */
export interface AllyRow {
  ccode: number;
  treatyKeys: string[];
  obligation: string;
}

/** A state's ties grouped by ally, allies in ccode order. */
function alliesOf(ties: readonly AllianceTie[]): AllyRow[] {
  const byAlly = new Map<number, { treaties: Set<string>; obligations: string[] }>();
  for (const r of ties) {
    const e = byAlly.get(r.other) ?? { treaties: new Set<string>(), obligations: [] };
    e.treaties.add(r.treaty);
    e.obligations.push(...r.obligations);
    byAlly.set(r.other, e);
  }
  return [...byAlly]
    .sort(([x], [y]) => x - y)
    .map(([ccode, e]) => ({ ccode, treatyKeys: [...e.treaties], obligation: strongestObligation(e.obligations).name }));
}

/** A state's alliance ties in force at some time in [from, to] (ISO dates). */
export interface AlliesDuringKey {
  ccode: number;
  from: string;
  to: string;
}

type Key = string | number;

/** DataLoader's `batchScheduleFn`. */
export type BatchSchedule = (dispatch: () => void) => void;

/** `{ [name]: keys }`: TypeScript types an object with a computed key as an index signature, not `Record<N, …>`. */
const keyList = <N extends string, K>(name: N, keys: readonly K[]) => ({ [name]: [...keys] }) as Record<N, K[]>;

/**
 * Loads nodes by key with `query`, whose one parameter `param` is the list of keys; missing keys
 * load as null. The handle's type ties the three together: `param` must be its parameter, the keys
 * its element type, and `keyOf` and `map` take its row.
 */
function loadByKey<N extends string, K extends Key, R, T>(
  ex: QueryExecutor,
  query: QueryHandle<Record<N, K[]>, R>,
  param: N,
  keyOf: (r: R) => K,
  map: (r: R) => T,
  batchScheduleFn?: BatchSchedule,
) {
  return new DataLoader<K, T | null>(
    async (keys) => {
      const rows = await ex.read(query, keyList(param, keys));
      const found = new Map(rows.map((r) => [keyOf(r), map(r)]));
      return keys.map((k) => found.get(k) ?? null);
    },
    { batchScheduleFn },
  );
}

/** Loads the related nodes of each parent: `query` (parameter `param`, the parents' keys) returns rows `{id, node}` in order. */
function loadRelated<N extends string, K extends Key, Node, T>(
  ex: QueryExecutor,
  query: QueryHandle<Record<N, K[]>, { id: K; node: Node }>,
  param: N,
  map: (node: Node, parent: K) => T,
  batchScheduleFn?: BatchSchedule,
) {
  return new DataLoader<K, T[]>(
    async (keys) => {
      const rows = await ex.read(query, keyList(param, keys));
      const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
      for (const r of rows) groups.get(r.id)?.push(map(r.node, r.id));
      return keys.map((k) => groups.get(k)!);
    },
    { batchScheduleFn },
  );
}

/**
 * `schedule`: when the loaders send their batches (DataLoader's `batchScheduleFn`; the request's, see
 * `BatchHold` in src/pacer.ts), DataLoader's default when not given.
 */
export function createLoaders(ex: QueryExecutor, schedule?: BatchSchedule) {
  const id = (r: { id: string }) => r.id;
  const byKey = <N extends string, K extends Key, R, T>(
    e: QueryExecutor,
    query: QueryHandle<Record<N, K[]>, R>,
    param: N,
    keyOf: (r: R) => K,
    map: (r: R) => T,
  ) => loadByKey(e, query, param, keyOf, map, schedule);
  const related = <N extends string, K extends Key, Node, T>(
    e: QueryExecutor,
    query: QueryHandle<Record<N, K[]>, { id: K; node: Node }>,
    param: N,
    map: (node: Node, parent: K) => T,
  ) => loadRelated(e, query, param, map, schedule);
  return {
    state: byKey(ex, q.statesByCcodes, 'ccodes', (r) => r.ccode, m.toState),
    negotiation: byKey(ex, q.negotiationsByIds, 'ids', id, (r) => m.toNegotiation(r)),
    /** Whole negotiations again, for the long texts of those read without them (negotiationsPage's `$texts`). */
    negotiationTexts: byKey(ex, q.negotiationsByIds, 'ids', id, (r) => m.toNegotiation(r)),
    treaty: byKey(ex, q.treatiesByIds, 'ids', id, m.toTreaty),
    threat: byKey(ex, q.threatsByIds, 'ids', id, m.toThreat),
    era: byKey(ex, q.erasByIds, 'ids', id, m.toEra),
    round: byKey(ex, q.roundsByIds, 'ids', id, m.toRound),
    proposal: byKey(ex, q.proposalsByIds, 'ids', id, m.toProposal),
    warPlan: byKey(ex, q.warPlansByIds, 'ids', id, m.toWarPlanById),
    source: byKey(ex, q.sourcesByKeys, 'keys', (r) => r.key, m.toSource),

    partiesOfNegotiation: related(ex, q.partiesOfNegotiations, 'ids', m.toState),
    roundsOfNegotiation: related(ex, q.roundsOfNegotiations, 'ids', m.toRound),
    proposalsOfNegotiation: related(ex, q.proposalsOfNegotiations, 'ids', m.toProposal),
    warPlansOfNegotiation: related(ex, q.warPlansOfNegotiations, 'ids', m.toWarPlan),
    treatyOfNegotiation: related(ex, q.treatiesOfNegotiations, 'ids', m.toTreaty),
    eraOfNegotiation: related(ex, q.erasOfNegotiations, 'ids', m.toEra),
    eraOfTreaty: related(ex, q.erasOfTreaties, 'ids', m.toEra),
    negotiationOfTreaty: related(ex, q.negotiationsOfTreaties, 'ids', (r) => r.id),
    membersOfTreaty: related(ex, q.membersOfTreaties, 'ids', (r, treaty) => ({
      state: m.toState(r),
      membership: m.toMembership(treaty, r),
    })),
    recordedOptionsOfNegotiation: related(ex, q.recordedOptionsOfNegotiations, 'ids', m.toRecordedOption),
    thirdPartiesOfNegotiation: related(ex, q.thirdPartiesOfNegotiations, 'ids', m.toThirdParty),
    plansUnknownOfNegotiation: related(ex, q.plansUnknownOfNegotiations, 'ids', m.toPlanUnknown),
    optionsNotDiscussedOfNegotiation: related(ex, q.optionsNotDiscussedOfNegotiations, 'ids', m.toOptionsNotDiscussed),
    secondCodingsOfNegotiation: related(ex, q.secondCodingsOfNegotiations, 'ids', m.toSecondCoding),
    chaptersOfSource: related(ex, q.chaptersOfSources, 'ids', (r) => r),
    optionsRealisedIn: related(ex, q.optionsRealisedInNegotiations, 'ids', (r) => r),
    region: byKey(ex, q.regionsByIds, 'ids', id, m.toRegion),
    threatsOfTreaty: related(ex, q.threatsOfTreaties, 'ids', m.toThreat),
    posersOfThreat: related(ex, q.posersOfThreats, 'ids', m.toState),
    perceptionsOfThreat: related(ex, q.perceptionsOfThreats, 'ids', (r, threat) => m.toPerception({ ...r, threat })),
    perceptionsOfState: related(ex, q.threatsPerceivedByStates, 'ccodes', m.toPerception),
    negotiationsOfState: related(ex, q.negotiationsOfStates, 'ccodes', (r) => r.id),
    phasesOfTreaty: related(ex, q.phasesOfTreaties, 'ids', m.toTreatyPhase),
    treatiesOfState: related(ex, q.treatiesOfStates, 'ccodes', (r, ccode) => m.toMembership(r.treaty, { ...r, ccode })),
    negotiationsOfEra: related(ex, q.negotiationsOfEras, 'ids', (r) => r.id),
    capabilitiesOfState: capabilities(ex, schedule),

    sourcesOf: {
      State: related(ex, q.sourcesOfStates, 'ids', m.toCitation),
      Threat: related(ex, q.sourcesOfThreats, 'ids', m.toCitation),
      Negotiation: related(ex, q.sourcesOfNegotiations, 'ids', m.toCitation),
      NegotiationRound: related(ex, q.sourcesOfRounds, 'ids', m.toCitation),
      Proposal: related(ex, q.sourcesOfProposals, 'ids', m.toCitation),
      WarPlan: related(ex, q.sourcesOfWarPlans, 'ids', m.toCitation),
      Treaty: related(ex, q.sourcesOfTreaties, 'ids', m.toCitation),
      Era: related(ex, q.sourcesOfEras, 'ids', m.toCitation),
      RecordedOption: related(ex, q.sourcesOfRecordedOptions, 'ids', m.toCitation),
      ThirdParty: related(ex, q.sourcesOfThirdParties, 'ids', m.toCitation),
      PlanUnknown: related(ex, q.sourcesOfPlansUnknown, 'ids', m.toCitation),
      OptionsNotDiscussed: related(ex, q.sourcesOfOptionsNotDiscussed, 'ids', m.toCitation),
      SecondCoding: related(ex, q.sourcesOfSecondCodings, 'ids', m.toCitation),
    },
    /**
     * Alliance ties of a state in force at some time in [from, to]; key `ccode|from|to`, one query per level.
     * Each row carries `obligations`: what either member owes the other in the phase they share (ATOP's
     * dyad rule, `dyadObligations`); co-members that owe each other nothing are no tie.
     */
    alliesDuring: new DataLoader<AlliesDuringKey, AllyRow[], string>(
      async (keys) => {
        const ties = await readAllianceTies(
          ex,
          keys.map((k) => ({ ccode: k.ccode, at: k.to })),
        );
        return keys.map((k, i) =>
          alliesOf(
            ties[i]!.filter((r) => {
              const spell = tieSpell(r);
              return spell !== null && overlaps(spell.start, spell.end, k.from, k.to);
            }),
          ),
        );
      },
      { cacheKeyFn: (k) => `${k.ccode} ${k.from} ${k.to}`, batchScheduleFn: schedule },
    ),
    systemSpellsOfState: related(ex, q.systemSpellsOfStates, 'ids', (r) => r),
  };
}

/** A state's capabilities over a year range (null = open), the key of the `capabilitiesOfState` loader. */
export interface CapabilityRange {
  ccode: number;
  from: number | null;
  to: number | null;
}

/** Capabilities per (state, year range): ONE `capabilitiesOfStates` query for all the keys of a level. */
function capabilities(ex: QueryExecutor, batchScheduleFn?: BatchSchedule) {
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
    { cacheKeyFn: keyOf, batchScheduleFn },
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

/**
 * Nodes a page query returned with the page (negotiationsPage, treatiesPage), mapped and put in their
 * loader, so that the page and its nodes are one round trip and a later load of the same key costs none.
 */
export function primed<K, R, T>(
  loader: DataLoader<K, T | null>,
  rows: readonly R[],
  map: (r: R) => T,
  keyOf: (n: T) => K,
): T[] {
  return rows.map((r) => {
    const node = map(r);
    loader.prime(keyOf(node), node);
    return node;
  });
}
