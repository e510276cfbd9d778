/**
 * The depth rule (src/limits/depthLimitRule.ts) walks a bounded number of levels, whatever the
 * document's nesting: a document of 4,000 levels that the parser got through (it does once V8 has
 * optimised it) had the rule overflow the stack, and Apollo answered 500 instead of MAX_DEPTH. The
 * documents here are built as syntax trees, not parsed, so the test does not depend on how deep the
 * parser gets on this thread.
 */
import { describe, expect, it } from 'vitest';
import { Kind, parse, validate, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import { buildAppSchema } from '../../src/buildAppSchema.js';
import { depthLimitRule } from '../../src/limits/depthLimitRule.js';

/** `{ a { a { … { b } } } }` with `levels` fields that have a selection set. */
function nested(levels: number): DocumentNode {
  let set: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'b' } } as FieldNode],
  };
  for (let i = 0; i < levels; i++) {
    const field: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'a' }, selectionSet: set };
    set = { kind: Kind.SELECTION_SET, selections: [field] };
  }
  return {
    kind: Kind.DOCUMENT,
    definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: 'query' as never, selectionSet: set }],
  };
}

describe('the depth rule', () => {
  it('refuses 200,000 levels with MAX_DEPTH, without walking them', async () => {
    const schema = await buildAppSchema();
    const errors = validate(schema, nested(200_000), [depthLimitRule(8)]);
    expect(errors.map((e) => e.message)).toEqual([
      'Query is too deep: at least 42 levels, the limit is 8 (MAX_DEPTH).',
    ]);
    expect(errors[0]!.originalError).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'MAX_DEPTH' },
    });
  });

  it('counts exactly up to its cap, through fragments and inline fragments', async () => {
    const schema = await buildAppSchema();
    const depth = (q: string, max = 8) => validate(schema, parse(q), [depthLimitRule(max)]).map((e) => e.message);
    expect(depth('{ state(ccode: 2) { name } }', 1)).toEqual([]);
    expect(depth('{ state(ccode: 2) { treaties { treaty { name } } } }', 2)).toEqual([
      'Query is too deep: 3 levels, the limit is 2 (MAX_DEPTH).',
    ]);
    expect(
      depth(
        'query { state(ccode: 2) { ...T } } fragment T on State { treaties { ... on TreatyMembership { treaty { name } } } }',
        2,
      ),
    ).toEqual(['Query is too deep: 3 levels, the limit is 2 (MAX_DEPTH).']);
    expect(depth(`{${'a{'.repeat(30)}b${'}'.repeat(31)}`, 8)).toEqual([
      'Query is too deep: 30 levels, the limit is 8 (MAX_DEPTH).',
    ]);
  });
});
