/** The shapes of the outside-options pipeline: what is asked, what is read, what comes out. */
import type { TargetEvidence } from '../../domain/index.js';
import type { OptionRequest } from '../../reads/optionInputs.js';

export type { OptionInputs, OptionRequest, Spell, Talk, Tie } from '../../reads/optionInputs.js';
import type { AllyComponent, FigureCoverage } from '../../domain/index.js';

export interface Reason {
  text: string;
  sources: string[];
}

/** Each component in [0, 1]; null when the data behind it do not cover the date (capability: also without NMC data for the state). */
export type AllyComponents = Record<AllyComponent, number | null>;

export interface AlternativeAlly {
  state: number;
  score: number;
  components: AllyComponents;
  reasons: Reason[];
}

export interface OptionResult {
  request: OptionRequest;
  /** Null when the state-system data do not cover the date (no candidates can be named). */
  alternativeAllies: { attractiveness: number | null; allies: AlternativeAlly[]; reasons: Reason[] };
  unilateral: {
    attractiveness: number | null;
    partyCinc: number | null;
    targetCinc: number | null;
    majorPower: boolean | null;
    reasons: Reason[];
  };
  buckPassing: {
    /** Null when the state-system data or every source of evidence against a target do not cover the date. */
    attractiveness: number | null;
    buckCatchers: { state: number; cinc: number | null; evidence: TargetEvidence[] }[];
    reasons: Reason[];
  };
  /** The best of the options that are covered; null when none is. */
  overall: number | null;
  /** The targets used: the request's, or those the party's own evidence names. */
  targets: number[];
  /** The layers the figures rest on at the date, and whether each covers it. */
  coverage: FigureCoverage;
}
