/**
 * What a resolver can tell of the selection below it, for a read that fetches more only when asked
 * (negotiationsPage's long texts).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected at `path` below the field being resolved (`['edges', 'node']`:
 * what a connection's nodes are asked for), through fragment spreads and inline fragments whatever
 * their type condition, and whatever their `@skip`/`@include`: a superset of what will be resolved
 * there. Asking a read for more than is resolved costs a little; for less would leave a field
 * without its value, so the fields decided on this way load what is missing themselves as well.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    for (const set of sets)
      visit(info, set, (field) => {
        if (field.name.value === name && field.selectionSet) next.push(field.selectionSet);
      });
    sets = next;
  }
  const names = new Set<string>();
  for (const set of sets) visit(info, set, (field) => names.add(field.name.value));
  return names;
}

/** Calls `onField` with each field of `set`, fragments expanded (each named fragment once). */
function visit(
  info: GraphQLResolveInfo,
  set: SelectionSetNode,
  onField: (field: FieldNode) => unknown,
  seen = new Set<string>(),
): void {
  for (const s of set.selections) {
    if (s.kind === 'Field') onField(s);
    else if (s.kind === 'InlineFragment') visit(info, s.selectionSet, onField, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const fragment = info.fragments[s.name.value];
      if (fragment) visit(info, fragment.selectionSet, onField, seen);
    }
  }
}
