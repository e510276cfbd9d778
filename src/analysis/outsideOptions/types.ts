/** The shapes of the outside-options pipeline: what is asked, what is read, what comes out. */
import type { TargetEvidence } from '../../domain/index.js';
import type { OptionRequest } from '../../reads/optionInputs.js';

export type { OptionInputs, OptionRequest, Spell, Talk, Tie } from '../../reads/optionInputs.js';
import type { AllyComponent } from '../../domain/index.js';

export interface Reason {
  text: string;
  sources: string[];
}

export type AllyComponents = { capability: number | null } & Record<Exclude<AllyComponent, 'capability'>, number>;

export interface AlternativeAlly {
  state: number;
  score: number;
  components: AllyComponents;
  reasons: Reason[];
}

export interface OptionResult {
  request: OptionRequest;
  alternativeAllies: { attractiveness: number; allies: AlternativeAlly[] };
  unilateral: {
    attractiveness: number | null;
    partyCinc: number | null;
    targetCinc: number | null;
    majorPower: boolean | null;
    reasons: Reason[];
  };
  buckPassing: {
    attractiveness: number;
    buckCatchers: { state: number; cinc: number | null; evidence: TargetEvidence[] }[];
    reasons: Reason[];
  };
  overall: number;
  /** The targets used: the request's, or those the party's own evidence names. */
  targets: number[];
}
