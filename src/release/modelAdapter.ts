/**
 * The one place the package calls the analysis (src/analysis): per negotiation, the agreement model's
 * leave-one-out estimate with the compatibility of the entry plans and each party's computed and
 * recorded outside options at the start — exactly what the API's `agreementLikelihood` reads, through
 * the same `estimateNegotiation`, on a context built as a request builds one.
 */
import { createAnalysisContext } from '../analysis/AnalysisContext.js';
import type { OptionResult } from '../analysis/outsideOptions/index.js';
import { createLoaders } from '../loaders/createLoaders.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';

/** Each figure null where the data behind it do not cover the date (never within the record's 1815–1949). */
export interface ComputedOptions {
  overall: number | null;
  alternativeAllies: number | null;
  unilateral: number | null;
  buckPassing: number | null;
  bestAlly: number | null;
  bestAllyScore: number | null;
}

export interface PartyReading {
  party: number;
  /** Null when the options could not be computed for the party. */
  computed: ComputedOptions | null;
  /** What the model reads: the recorded attractiveness where the record has the party's own view; null outside the model. */
  modelOutside: number | null;
  modelOutsideRecorded: boolean;
}

/** The model's reading of a negotiation it has a case for. */
export interface ModelReading {
  probability: number;
  intervalLow: number | null;
  intervalHigh: number | null;
  highlyCompatible: boolean;
  targetAgreement: number;
  approachAgreement: number;
  scopeAgreement: number | null;
  formAgreement: number | null;
  targetsAtTable: number;
}

export interface NegotiationReading {
  /** Null when the negotiation is not a case of the model (a party's plan the sources do not settle). */
  model: ModelReading | null;
  parties: PartyReading[];
}

const computedOf = (o: OptionResult | null): ComputedOptions | null => {
  if (!o) return null;
  const best = o.alternativeAllies.allies[0];
  return {
    overall: o.overall,
    alternativeAllies: o.alternativeAllies.attractiveness,
    unilateral: o.unilateral.attractiveness,
    buckPassing: o.buckPassing.attractiveness,
    bestAlly: best?.state ?? null,
    bestAllyScore: best?.score ?? null,
  };
};

/** Every negotiation of `keys`: each party's computed options at the start, and the model's reading where it has a case. */
export async function readModel(
  executor: QueryExecutor,
  keys: readonly string[],
): Promise<Map<string, NegotiationReading>> {
  const analysis = createAnalysisContext(executor, createLoaders(executor));
  const out = new Map<string, NegotiationReading>();
  const partyLists = await Promise.all(keys.map((key) => analysis.negotiations.parties(key)));
  // Every party's options in one batch of the request's outside-options loader.
  const options = await Promise.all(
    keys.map((key, k) =>
      Promise.all(partyLists[k]!.map((p) => analysis.optionsAtNegotiation(key, p).catch(() => null))),
    ),
  );
  for (const [k, key] of keys.entries()) {
    const parties = partyLists[k]!;
    const pair = await analysis.estimateNegotiation(key, null, 'PRIMARY');
    const e = pair?.estimate ?? null;
    out.set(key, {
      model: e
        ? {
            probability: e.probability,
            intervalLow: e.interval?.low ?? null,
            intervalHigh: e.interval?.high ?? null,
            highlyCompatible: e.compatibility.highlyCompatible,
            targetAgreement: e.compatibility.targetAgreement,
            approachAgreement: e.compatibility.approachAgreement,
            scopeAgreement: e.compatibility.scopeAgreement,
            formAgreement: e.compatibility.formAgreement,
            targetsAtTable: e.compatibility.targetsAtTable,
          }
        : null,
      parties: parties.map((party, i) => {
        const o = e?.outside.find((x) => x.party === party);
        return {
          party,
          computed: computedOf(options[k]![i] ?? null),
          modelOutside: o?.attractiveness ?? null,
          modelOutsideRecorded: o?.recorded ?? false,
        };
      }),
    });
  }
  return out;
}
