/**
 * Outside options (Poast 2019): the ways a party can do without the treaty on the table. The
 * weights and levels here are the ones the scoring uses and the API describes.
 */
import type { Figure } from './coverage.js';
export const OUTSIDE_OPTION_KINDS = ['ALTERNATIVE_ALLY', 'UNILATERAL', 'BUCK_PASSING'] as const;
export type OutsideOptionKind = (typeof OUTSIDE_OPTION_KINDS)[number];
export const OUTSIDE_OPTION_KIND_DESCRIPTIONS: Record<OutsideOptionKind, string> = {
  ALTERNATIVE_ALLY: 'Another state instead of the partners at the table.',
  UNILATERAL: 'Handling the target alone.',
  BUCK_PASSING: 'Leaving the cost of deterring the target to other states it threatens.',
};

/** Attractiveness as a party's own decision-makers saw it (recorded options), and its value in [0, 1]. */
export const ATTRACTIVENESS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Attractiveness = (typeof ATTRACTIVENESS)[number];
export const ATTRACTIVENESS_VALUE: Record<Attractiveness, number> = { LOW: 0.25, MEDIUM: 0.5, HIGH: 0.85 };
export const ATTRACTIVENESS_DESCRIPTIONS: Record<Attractiveness, string> = {
  LOW: 'The party saw the option as a weak alternative to the treaty.',
  MEDIUM: 'The party saw the option as a real but not compelling alternative to the treaty.',
  HIGH: 'The party saw the option as a strong alternative, one it could take instead of the treaty.',
};

/** Weights of an alternative ally's components (re-normalised over the components with data). */
export const ALLY_WEIGHTS = { concurrentTalks: 0.35, sharedTarget: 0.25, capability: 0.25, ties: 0.15 } as const;
export type AllyComponent = keyof typeof ALLY_WEIGHTS;

/** The kind of figure (src/domain/coverage.ts) behind each component: what must cover the date for it to have a value. */
export const ALLY_COMPONENT_FIGURE = {
  concurrentTalks: 'negotiations',
  sharedTarget: 'evidence',
  capability: 'capabilities',
  ties: 'allianceTies',
} as const satisfies Record<AllyComponent, Figure>;

/** The figures the outside options rest on (their coverage is reported with every result). */
export const OPTION_FIGURES = [
  'stateSystem',
  'hostilities',
  'capabilities',
  'evidence',
  'allianceTies',
  'negotiations',
  'majorPowers',
] as const satisfies readonly Figure[];

/** Kind-strength at which the shared-target component saturates (e.g. a treaty and a war plan: 3 + 3). */
export const SHARED_TARGET_SATURATION = 6;

/** Alliance-tie component: a tie in force at the date, or one that has ended. */
export const TIE_VALUE = { current: 1, former: 0.5, none: 0 } as const;

/** Buck-passing without capability data: min(1, catchers / this). */
export const BUCK_CATCHERS_FOR_FULL_ATTRACTIVENESS = 3;

/** Years before the date in which wars, disputes and war plans count as evidence against a target. */
export const DEFAULT_WINDOW_YEARS = 10;
export const MAX_WINDOW_YEARS = 100;

/** The steps of a state's outside options over time (`outsideOptionsSeries`): where its points are read. */
export const SERIES_STEPS = ['YEAR', 'ERA'] as const;
export type SeriesStep = (typeof SERIES_STEPS)[number];
export const SERIES_STEP_DESCRIPTIONS: Record<SeriesStep, string> = {
  YEAR: 'One point per year, read on 1 July.',
  ERA: "One point per era meeting the range, read on the midpoint of the era's part of the range.",
};

export const describeAllyWeights = () =>
  Object.entries(ALLY_WEIGHTS)
    .map(([k, w]) => `${k} ${w}`)
    .join(', ');
export const describeAttractiveness = () => ATTRACTIVENESS.map((a) => `${a} ${ATTRACTIVENESS_VALUE[a]}`).join(', ');

/** A recorded and a computed attractiveness further apart than this disagree. */
export const OPTION_DISAGREEMENT = 0.3;
