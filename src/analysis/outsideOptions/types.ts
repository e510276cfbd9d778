/** The shapes of the outside-options pipeline: what is asked, what is read, what comes out. */
import type { TargetEvidence } from '../targetEvidence.js';
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

/** One party's outside options at one moment of choice. Plain data: also the DataLoader key. */
export interface OptionRequest {
  party: number;
  /** The moment of choice: availability, capability year and alliance ties are read here. */
  at: string;
  /** Concurrent talks are looked for in [talksFrom, talksTo] (the negotiation's span, or the year before `at`). */
  talksFrom: string;
  talksTo: string;
  /** States at the table (not alternatives). */
  atTable: number[];
  /** The states posing the party's target(s); empty: any state the party stood against. */
  targets: number[];
  /** The negotiation being examined, left out of "concurrent talks". */
  negotiation: string | null;
  windowYears: number;
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

export interface Tie {
  other: number;
  treaty: string;
  treatyName: string | null;
  exit: string | null;
  otherExit: string | null;
}
export interface Talk {
  other: number;
  negotiation: string;
  negotiationName: string;
  start: string;
  end: string;
  sources: string[];
}
export interface Spell {
  kind: string;
  start: string;
  end: string | null;
}

/**
 * Everything the scoring needs for one request, read from the store by `fetchOptionData` and
 * indexed by state, so that scoring is a pure function of plain data.
 */
export interface OptionInputs {
  request: OptionRequest;
  /** Targets after resolution (the request's, or from the party's own evidence). */
  targets: number[];
  /** States available at `at`, other than the party and those at the table. */
  candidates: number[];
  /** Abbreviations of states, for reasons. */
  names: ReadonlyMap<number, string>;
  /** States at war or in a dispute with the party at `at`. */
  hostile: ReadonlySet<number>;
  /** Each candidate's evidence against the targets. */
  evidence: ReadonlyMap<number, readonly TargetEvidence[]>;
  /** The party's alliance ties up to `at`, by other state. */
  ties: ReadonlyMap<number, readonly Tie[]>;
  /** The party's other negotiations overlapping [talksFrom, talksTo], by other state. */
  talks: ReadonlyMap<number, readonly Talk[]>;
  /** CINC in the year of `at`, by state (absent: no data). */
  cinc: ReadonlyMap<number, number | null>;
  /** The party's COW system and major-power spells. */
  spells: readonly Spell[];
}
