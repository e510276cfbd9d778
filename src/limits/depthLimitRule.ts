/**
 * A validation rule rejecting operations nested deeper than `maxDepth` levels of objects: a field
 * with a selection set is a level, a leaf is not (`{ state(ccode: 2) { name } }` has depth 1).
 * Fragments are followed; introspection's `__schema`/`__type` are exempt so the explorer works.
 *
 * Linear in the document: the depth of each fragment is computed once and memoised (fragments that
 * each spread the next one twice would otherwise be walked 2^n times), and no walk goes more than a
 * few times `maxDepth` levels of fields down, so a deep document cannot overflow the stack here.
 * Cycles are left to graphql-js's NoFragmentCyclesRule.
 *
 * Written here rather than taken from `graphql-depth-limit` (unmaintained since 2018) or GraphQL
 * Armor's max-depth (see ./documentLimitsRule.ts for why).
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { LimitExceededError } from '../errors/index.js';

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const cap = maxDepth * 4 + 10; // walks stop here: enough to report the depth, too little to overflow
    const memo = new Map<string, number>();
    const inProgress = new Set<string>();

    /**
     * Depth below `set`, at most `budget` (≤ `cap`): the walk goes no more than `budget` levels of
     * fields down, whatever the document's nesting (a parser that got through 4,000 levels had this
     * rule overflow the stack when the walk went to the bottom). A fragment's depth is kept once,
     * walked with the whole `cap`.
     */
    const depthOf = (set: SelectionSetNode | undefined, budget: number): number => {
      if (!set || budget <= 0) return 0;
      let max = 0;
      for (const s of set.selections) {
        if (max >= budget) break;
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          if (s.selectionSet) max = Math.max(max, 1 + depthOf(s.selectionSet, budget - 1));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          max = Math.max(max, depthOf(s.selectionSet, budget));
        } else {
          const name = s.name.value;
          let d = memo.get(name);
          if (d === undefined) {
            const f = fragments.get(name);
            if (!f || inProgress.has(name)) continue;
            inProgress.add(name);
            d = depthOf(f.selectionSet, cap);
            inProgress.delete(name);
            memo.set(name, d);
          }
          max = Math.max(max, d);
        }
      }
      return Math.min(max, budget);
    };

    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet, cap);
        if (depth > maxDepth) {
          const shown = depth >= cap ? `at least ${cap}` : String(depth);
          const cause = new LimitExceededError(
            `Query is too deep: ${shown} levels, the limit is ${maxDepth} (MAX_DEPTH).`,
            'MAX_DEPTH',
            { depth, maxDepth },
          );
          context.reportError(new GraphQLError(cause.message, { nodes: [op], originalError: cause }));
        }
      },
    };
  };
}
