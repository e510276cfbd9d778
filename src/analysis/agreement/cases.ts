/**
 * The cases of the agreement model: every negotiation with an outcome whose parties all have a coded
 * entry plan, with the features the model reads (compatibility of the entry plans, each party's outside
 * option: the recorded one where the record has the party's own view, the computed one otherwise).
 * A negotiation where the sources do not settle a party's plan (`plansUnknown` in the record) is not
 * a case: it has no compatibility to read; it is listed with the reason instead.
 */
import { ATTRACTIVENESS_VALUE, OUTCOME_INFO, isOutcome, type Attractiveness, type Coding } from '../../domain/index.js';
import * as q from '../../store/queries.gen.js';
import type { QueryExecutor } from '../../store/QueryExecutor.js';
import type { NegotiationData } from '../negotiationData.js';
import type { OutsideOptionsLoader } from '../outsideOptions/index.js';
import type { RecordedOption } from '../negotiationData.js';
import { negotiationRequest, type OptionResult } from '../outsideOptions/index.js';
import { compatibility, type Compatibility } from '../compatibility.js';
import { featureVector, type CaseInputs, type TrainingCase } from '../agreementModel.js';

/** What the model reads the record through (the request's analysis context has it). */
export interface AgreementData {
  executor: QueryExecutor;
  negotiations: NegotiationData;
  outsideOptions: OutsideOptionsLoader;
}

export interface PartyOutside {
  party: number;
  attractiveness: number;
  options: OptionResult | null;
  recorded: boolean;
}

export interface CaseData extends TrainingCase {
  name: string;
  start: string;
  parties: number[];
  compatibility: Compatibility;
  /** Each party's outside option as the model reads it: recorded where the record has the party's own view, computed otherwise. */
  outside: PartyOutside[];
  inputs: CaseInputs;
}

/** The cases, and the negotiations left out of the model with the reason. */
export interface Cases {
  cases: Map<string, CaseData>;
  notModelled: Map<string, string>;
}

/** Each party's outside option: the best recorded one where the party has one, the computed one otherwise. */
export function partyOutside(
  parties: readonly number[],
  computed: ReadonlyMap<number, OptionResult>,
  recorded: readonly RecordedOption[],
): PartyOutside[] {
  return parties.map((party) => {
    const own = recorded
      .filter((r) => r.party === party)
      .map((r) => ATTRACTIVENESS_VALUE[r.attractiveness as Attractiveness]);
    const options = computed.get(party) ?? null;
    return own.length
      ? { party, attractiveness: Math.max(...own), options, recorded: true }
      : { party, attractiveness: options?.overall ?? 0, options, recorded: false };
  });
}

export function caseInputs(comp: Compatibility, outside: readonly PartyOutside[]): CaseInputs {
  return {
    compatibility: comp,
    bestComputed: Math.max(0, ...outside.map((o) => o.options?.overall ?? 0)),
    bestRecorded: Math.max(0, ...outside.map((o) => o.attractiveness)),
  };
}

/** Parties whose outside options are read and scored together when the cases are gathered. */
const GATHER_BATCH = 40;

/** Every case of the record under `coding` (PRIMARY: the record as coded), in one pass of batched reads. */
export async function gatherCases(a: AgreementData, coding: Coding = 'PRIMARY'): Promise<Cases> {
  const outcomes = await a.executor.read(q.negotiationOutcomes);
  const keys = outcomes.map((o) => o.id);
  const [negotiations, partyLists, plans, recorded] = await Promise.all([
    Promise.all(keys.map((k) => a.negotiations.negotiation(k))),
    Promise.all(keys.map((k) => a.negotiations.parties(k))),
    Promise.all(keys.map((k) => a.negotiations.idealPlans(k, coding))),
    Promise.all(keys.map((k) => a.negotiations.recordedOptions(k, coding === 'ALTERNATIVE' ? coding : 'PRIMARY'))),
  ]);
  const notModelled = new Map<string, string>();
  const modelled = keys.flatMap((key, i) => {
    const unknown = partyLists[i]!.filter((c) => !plans[i]!.some((p) => p.party === c));
    if (unknown.length) {
      notModelled.set(
        key,
        coding === 'SECOND_CODER'
          ? `no second coding of the entry plan of ${unknown.join(', ')}`
          : `the sources do not settle the entry plan of ${unknown.join(', ')}`,
      );
      return [];
    }
    return negotiations[i] ? [i] : [];
  });
  const pairs = modelled.flatMap((i) => partyLists[i]!.map((party) => ({ key: keys[i]!, party })));
  const requests = await Promise.all(pairs.map((p) => negotiationRequest(a.negotiations, p.key, p.party)));
  // In batches, one after the other: one batch of every party of every negotiation meant reads of
  // tens of thousands of rows and seconds of scoring in single ticks, while other requests waited.
  const options: (OptionResult | Error)[] = [];
  for (let i = 0; i < requests.length; i += GATHER_BATCH)
    options.push(...(await a.outsideOptions.loadMany(requests.slice(i, i + GATHER_BATCH))));
  const optionOf = new Map(pairs.map((p, i) => [`${p.key}|${p.party}`, options[i]]));
  const cases = new Map<string, CaseData>();
  for (const i of modelled) {
    const key = keys[i]!;
    const n = negotiations[i]!;
    const comp = compatibility(partyLists[i]!, plans[i]!);
    const opts = new Map<number, OptionResult>();
    for (const c of partyLists[i]!) {
      const o = optionOf.get(`${key}|${c}`);
      if (o && !(o instanceof Error)) opts.set(c, o);
    }
    const outside = partyOutside(partyLists[i]!, opts, recorded[i]!);
    const inputs = caseInputs(comp, outside);
    const outcome = outcomes[i]!.outcome;
    cases.set(key, {
      key,
      name: n.name,
      start: n.start,
      outcome: isOutcome(outcome) && OUTCOME_INFO[outcome].agreed ? 1 : 0,
      parties: partyLists[i]!,
      compatibility: comp,
      outside,
      inputs,
      x: featureVector(inputs),
    });
  }
  return { cases, notModelled };
}
