/**
 * A validation rule rejecting operations nested deeper than `maxDepth` levels of objects: a field
 * with a selection set is a level, a leaf is not (`{ state(ccode: 2) { name } }` has depth 1).
 * Fragments are followed; introspection's `__schema`/`__type` are exempt so the explorer works.
 *
 * Written here rather than taken from `graphql-depth-limit`, which is unmaintained since 2018;
 * the rule is a few lines over graphql-js's own visitor types.
 */
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let max = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          if (s.selectionSet) max = Math.max(max, 1 + depthOf(s.selectionSet, seen));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(s.selectionSet, seen));
        } else {
          const name = s.name.value;
          const f = fragments.get(name);
          if (f && !seen.has(name)) max = Math.max(max, depthOf(f.selectionSet, new Set([...seen, name])));
        }
      }
      return max;
    };

    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(new GraphQLError(
            `Query is too deep: ${depth} levels, the limit is ${maxDepth} (MAX_DEPTH).`,
            { nodes: [op], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', depth, maxDepth } },
          ));
        }
      },
    };
  };
}
