/**
 * The one place the package calls the analysis (src/analysis): per negotiation, the agreement model's
 * leave-one-out estimate with the compatibility of the entry plans and each party's computed and
 * recorded outside options at the start — exactly what the API's `agreementLikelihood` reads, through
 * the same `estimateNegotiation`, on a context built as a request builds one.
 */
import { createAnalysisContext } from '../analysis/AnalysisContext.js';
import { estimateNegotiation } from '../analysis/agreementService.js';
import { createLoaders } from '../loaders/createLoaders.js';
import type { QueryExecutor } from '../store/QueryExecutor.js';

export interface ComputedOptions {
  overall: number;
  alternativeAllies: number;
  unilateral: number | null;
  buckPassing: number;
  bestAlly: number | null;
  bestAllyScore: number | null;
}

export interface PartyReading {
  party: number;
  /** Null when the options could not be computed for the party. */
  computed: ComputedOptions | null;
  /** What the model reads: the recorded attractiveness where the record has the party's own view. */
  modelOutside: number;
  modelOutsideRecorded: boolean;
}

export interface NegotiationReading {
  probability: number;
  highlyCompatible: boolean;
  targetAgreement: number;
  approachAgreement: number;
  scopeAgreement: number | null;
  formAgreement: number | null;
  parties: PartyReading[];
}

/** The model's reading of each negotiation of `keys` (absent: the model has no case for it). */
export async function readModel(
  executor: QueryExecutor,
  keys: readonly string[],
): Promise<Map<string, NegotiationReading>> {
  const analysis = createAnalysisContext(executor, createLoaders(executor));
  const out = new Map<string, NegotiationReading>();
  for (const key of keys) {
    const pair = await estimateNegotiation(analysis, key);
    if (!pair) continue;
    const e = pair.estimate;
    out.set(key, {
      probability: e.probability,
      highlyCompatible: e.compatibility.highlyCompatible,
      targetAgreement: e.compatibility.targetAgreement,
      approachAgreement: e.compatibility.approachAgreement,
      scopeAgreement: e.compatibility.scopeAgreement,
      formAgreement: e.compatibility.formAgreement,
      parties: e.outside.map((o) => {
        const best = o.options?.alternativeAllies.allies[0];
        return {
          party: o.party,
          computed: o.options
            ? {
                overall: o.options.overall,
                alternativeAllies: o.options.alternativeAllies.attractiveness,
                unilateral: o.options.unilateral.attractiveness,
                buckPassing: o.options.buckPassing.attractiveness,
                bestAlly: best?.state ?? null,
                bestAllyScore: best?.score ?? null,
              }
            : null,
          modelOutside: o.attractiveness,
          modelOutsideRecorded: o.recorded,
        };
      }),
    });
  }
  return out;
}
