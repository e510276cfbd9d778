/**
 * What a field costs, declared on the field: type-graphql's `complexity` option, which lands in the
 * field's `extensions.complexity` as a number or an estimator `({ args, childComplexity }) => number`,
 * the contract of graphql-query-complexity's `fieldExtensionsEstimator`. `src/limits/cost.ts` reads
 * it; a field without one costs 1 plus its selection.
 *
 * One unit is about 0.1 ms of store and JS work on the full published data; `npm run bench -- --only
 * costs` prints every declared weight beside the one it measures. A list multiplies its selection by
 * the items it holds per parent: the 95th percentile of that relation over the shipped record (a
 * single parent with more is what the response budget, `src/limits/responseBudget.ts`, is for);
 * `test/api/relationSizes.api.test.ts` fails when the record outgrows a declared figure. A
 * connection multiplies by its page size.
 *
 * Each declaration carries what it declares (`kind`, `own`, `perParent`), so the tests and the bench
 * read the figures from the schema rather than from a second copy.
 */

/** What an estimator is given (a subset of graphql-query-complexity's `ComplexityEstimatorArgs`). */
export interface CostArgs {
  args: Record<string, unknown>;
  childComplexity: number;
}

export type CostKind = 'read' | 'reads' | 'items' | 'page' | 'edges' | 'analysis' | 'series';

export interface FieldCost {
  (a: CostArgs): number;
  readonly kind: CostKind;
  /** The field's own cost (per point for a series). */
  readonly own: number;
  /** Items per parent a list is costed at (`reads`, `items`, an analysis returning a list). */
  readonly perParent?: number;
  /** A series: its cost per point with these arguments. */
  readonly perPoint?: (args: Record<string, unknown>) => number;
}

/**
 * A field resolved through the request's DataLoaders: one batched store call for all the parents of
 * a level, then a lookup per parent.
 */
export const READ = 1;
/** Reading one page of a connection (the page query and its total), where not declared otherwise. */
export const PAGE_READ = 10;

function declare(
  kind: CostKind,
  own: number,
  estimate: (a: CostArgs) => number,
  more: Pick<FieldCost, 'perParent' | 'perPoint'> = {},
): FieldCost {
  return Object.assign(estimate, { kind, own }, more);
}

/**
 * What caps a list below its usual size, when the client says so: an argument's name (`first` on
 * alternativeAllies and evidence), or a function of the arguments (the years from–to).
 */
export type Cap = string | ((args: Record<string, unknown>) => number | undefined);

function capped(perParent: number, args: Record<string, unknown>, cap?: Cap): number {
  const n = typeof cap === 'function' ? cap(args) : cap ? args[cap] : undefined;
  return typeof n === 'number' && n >= 0 ? Math.min(perParent, n) : perParent;
}

/** A value or object read through the request's loaders (`own`: where the store takes longer than READ). */
export function read(own = READ): FieldCost {
  return declare('read', own, ({ childComplexity }) => own + childComplexity);
}

export interface ReadsOptions {
  /** The read's own cost per parent, where the store takes longer than READ over it. */
  own?: number;
  /** What caps the list below `perParent` when the client says so. */
  cap?: Cap;
}

/** A list read through the request's loaders, `perParent` items per parent. */
export function reads(perParent: number, { own = READ, cap }: ReadsOptions = {}): FieldCost {
  return declare('reads', own, ({ args, childComplexity }) => own + childComplexity * capped(perParent, args, cap), {
    perParent,
  });
}

/**
 * A list the parent already holds (an analysis result's parts, alternative codings): no store call,
 * `perParent` items per parent (fewer when `cap` says so).
 */
export function items(perParent: number, cap?: Cap): FieldCost {
  return declare('items', 1, ({ args, childComplexity }) => 1 + childComplexity * capped(perParent, args, cap), {
    perParent,
  });
}

/**
 * A Relay connection: reading the page (`own`) and its selection once per item of the page (`first`,
 * default `defaultFirst`).
 */
export function page(defaultFirst: number, own = PAGE_READ): FieldCost {
  return declare('page', own, ({ args, childComplexity }) => {
    const first = typeof args.first === 'number' ? Math.max(1, args.first) : defaultFirst;
    return own + childComplexity * first;
  });
}

/** A connection's edges: the page size is counted on the connection. */
export const edges: FieldCost = declare('edges', 1, ({ childComplexity }) => 1 + childComplexity);

export interface AnalysisCostOptions {
  /** The analysis returns a list of about this many items per call (its selection is counted per item). */
  perParent?: number;
  /** With `perParent`: what caps the list (`first`). */
  cap?: Cap;
  /** `own` was measured at this `windowYears`; a longer window costs proportionally more. */
  window?: number;
}

/** A field that runs an analysis: `own` is its measured cost per call (per parent when batched). */
export function analysis(own: number, options: AnalysisCostOptions = {}): FieldCost {
  const { perParent, cap, window } = options;
  return declare(
    'analysis',
    own,
    ({ args, childComplexity }) => {
      const years = args.windowYears;
      const scale = window && typeof years === 'number' ? Math.max(1, years / window) : 1;
      const n = perParent === undefined ? 1 : capped(perParent, args, cap);
      return own * scale + childComplexity * n;
    },
    { perParent },
  );
}

/**
 * A time series: `perPoint` and the selection once per point, `points(args)` points. `perPoint` may
 * depend on the arguments (a point of a coarser step reads more); `own` is its value without any.
 */
export function series(
  perPoint: number | ((args: Record<string, unknown>) => number),
  points: (args: Record<string, unknown>) => number,
): FieldCost {
  const per = typeof perPoint === 'number' ? () => perPoint : perPoint;
  return declare('series', per({}), ({ args, childComplexity }) => (per(args) + childComplexity) * points(args), {
    perPoint: per,
  });
}
