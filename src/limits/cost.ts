/**
 * The cost model: an estimate of what an operation will make the server do, computed in one pass
 * over the document (each fragment costed once and memoised, so fragments that spread each other
 * are linear, not exponential), with the variables already coerced (see useCostLimit).
 *
 * One unit is about 0.1 ms of store and JS work on the full published data. A plain field costs
 * 1; a connection multiplies its children by its page size (`first`, default 20); a list of
 * relations by 3, a typical fan-out; the analyses cost what they were measured to cost
 * (`npm run bench`, README "Performance"), and those that read
 * evidence over `windowYears` grow with the window (the default, 10 years, is the measured one).
 */
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../schema/connection.js';

const LIST_FANOUT = 3;

/** Measured base cost of the fields that run an analysis (units of ~0.1 ms, full data). */
export const FIELD_COST: Record<string, number> = {
  'Query.sharedTargets': 300,
  'Query.alternativeAllies': 550,
  'Query.outsideOptions': 500,
  'State.outsideOptions': 150, // batched across the parties of a page of negotiations
  'Query.portfolioSimilarity': 200,
  'Query.capabilityRatio': 20,
  'Query.allianceNetwork': 200,
  'Query.alliancePath': 200,
  'Query.agreementLikelihood': 1600,
  'Negotiation.agreementLikelihood': 300, // the model is fitted once per data version and cached
  'Query.hypotheticalAgreement': 1600,
  'State.allies': 20,
  'Query.outsideOptionsSeries': 150, // per point (a year or an era): one batch for the whole series, see SERIES
};

/** Analyses whose work grows with `windowYears` (measured at the default, 10). */
const WINDOWED = new Set(['Query.sharedTargets', 'Query.alternativeAllies']);

/**
 * Fields returning one item per point of a time series: their own cost is per point and their
 * children are counted once per point (not LIST_FANOUT). Points: the years from–to (the API's
 * defaults already applied), or at most ERA_POINTS eras. 135 years of outsideOptionsSeries
 * measured 3.6 s on the full data (27 ms a point) against 55 ms for one single-date request:
 * costed like State.outsideOptions (150, the same batched pipeline), a 1815–1949 series with a
 * chart's selection (~23,000) fits under MAX_COST (25,000), two aliases of it do not.
 */
const ERA_POINTS = 10;
/** A series is at most 1815–1949 (the resolver refuses more, BAD_USER_INPUT, before any read): the estimate stops there. */
const MAX_SERIES_POINTS = 135;
const SERIES: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.outsideOptionsSeries': (args) => {
    const from = typeof args.from === 'number' ? args.from : 0;
    const to = typeof args.to === 'number' ? args.to : from;
    const years = Math.min(MAX_SERIES_POINTS, Math.max(1, to - from + 1));
    return args.step === 'ERA' ? Math.min(years, ERA_POINTS) : years;
  },
};

export interface CostOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Coerced variable values (as graphql-js's getVariableValues returns them). */
  variables: Record<string, unknown>;
}

export function estimateCost({ schema, document, operation, variables }: CostOptions): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const skipped = (node: { directives?: readonly unknown[] }): boolean => {
    if (!node.directives?.length) return false;
    const n = node as Parameters<typeof getDirectiveValues>[1];
    if (getDirectiveValues(GraphQLSkipDirective, n, variables)?.if === true) return true;
    if (getDirectiveValues(GraphQLIncludeDirective, n, variables)?.if === false) return true;
    return false;
  };

  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined =>
    isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;

  const costOf = (set: SelectionSetNode | undefined, parent: GraphQLCompositeType): number => {
    if (!set) return 0;
    let total = 0;
    for (const s of set.selections) {
      if (skipped(s)) continue;
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue; // __typename, introspection: cheap, static
        const field = fieldOf(parent, s.name.value);
        if (!field) continue; // validation reports it
        const named = getNamedType(field.type);
        const child = isCompositeType(named) ? costOf(s.selectionSet, named) : 0;
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(field, s, variables);
        } catch {
          /* validation or execution reports it */
        }
        total += fieldCost(parent.name, field, args, child);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOf(s.selectionSet, type);
      } else {
        const name = s.name.value;
        if (memo.has(name)) {
          total += memo.get(name)!;
          continue;
        }
        const f = fragments.get(name);
        if (!f || inProgress.has(name)) continue; // unknown or cyclic: validation reports it
        const type = schema.getType(f.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        inProgress.add(name);
        const c = costOf(f.selectionSet, type);
        inProgress.delete(name);
        memo.set(name, c);
        total += c;
      }
    }
    return total;
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;
  return costOf(operation.selectionSet, root);
}

function fieldCost(
  parentName: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  child: number,
): number {
  const key = `${parentName}.${field.name}`;
  const typeName = getNamedType(field.type).name;
  let own = FIELD_COST[key] ?? 1;
  if (WINDOWED.has(key) && typeof args.windowYears === 'number') own *= Math.max(1, args.windowYears / 10);
  const points = SERIES[key]?.(args);
  if (points !== undefined) return (own + child) * points;
  if (parentName.endsWith('Connection')) return own + child; // edges: the page size is counted on the connection
  if (typeName.endsWith('Connection'))
    return own + child * (typeof args.first === 'number' ? Math.max(1, args.first) : DEFAULT_PAGE_SIZE);
  if (isListType(getNullableType(field.type)) && child > 0) return own + child * LIST_FANOUT;
  return own + child;
}

/** Thrown if cost estimation itself fails in an unforeseen way: a 400, never a 500. */
export function costError(e: unknown): GraphQLError {
  return new GraphQLError(`The cost of this operation could not be estimated: ${(e as Error).message}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
