/**
 * The cost model: an estimate of what an operation will make the server do, computed in one pass
 * over the document (each fragment costed once and memoised, so fragments that spread each other
 * are linear, not exponential), with the variables already coerced (see useCostLimit).
 *
 * What each field costs is declared on the field (`src/schema/fieldCost.ts`): its
 * `extensions.complexity`, read as graphql-query-complexity's `fieldExtensionsEstimator` reads it (a
 * number is added to the selection's cost, a function is given the field's arguments and the
 * selection's cost); a field without one costs 1 plus its selection. The walk is ours rather than
 * that package's `getComplexity`, which expands a fragment at every spread (a document of fragments
 * that each spread the next one twice is 2^n walks there; its node cap then refuses the document
 * for a reason that is not its cost).
 */
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

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
        total += fieldCost(field, s, parent, args, child);
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

/** The field's declared cost (`extensions.complexity`), or 1 plus its selection. */
function fieldCost(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  type: GraphQLCompositeType,
  args: Record<string, unknown>,
  childComplexity: number,
): number {
  const declared = field.extensions?.complexity;
  if (typeof declared === 'number') return declared + childComplexity;
  if (typeof declared === 'function') {
    const c: unknown = declared({ args, childComplexity, field, node, type });
    if (typeof c === 'number') return Number.isNaN(c) ? Infinity : c; // void: the default below, as in the package
  }
  return 1 + childComplexity;
}

/** Thrown if cost estimation itself fails in an unforeseen way: a 400, never a 500. */
export function costError(e: unknown): GraphQLError {
  return new GraphQLError(`The cost of this operation could not be estimated: ${(e as Error).message}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}
