/**
 * Cost beside the field (architecture issue, part 4): every field whose resolver reaches the store or
 * the analyses declares its cost on the field, those that run an analysis declare a measured one,
 * every list of objects says how many items it holds per parent; the cost model reads the
 * declarations as graphql-query-complexity's fieldExtensionsEstimator does; and the estimates of the
 * requests the issues name fall where they must (the heaviest page the API serves is expensive, the
 * 18-alias treaty request is refused, ordinary pages are not). The multipliers themselves are checked
 * against the shipped record in test/api/relationSizes.api.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { getMetadataStorage } from 'type-graphql';
import {
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  parse,
  type GraphQLField,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/buildAppSchema.js';
import { estimateCost } from '../../src/limits/cost.js';
import { DEFAULT_LIMITS, DEFAULT_SERVER_POLICY } from '../../src/config.js';
import type { FieldCost } from '../../src/schema/fieldCost.js';
import { projectRoot } from '../../src/paths.js';
import { HEAVIEST_PAGE, NESTED_TREATY_LISTS } from '../helpers/heavyRequests.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const declared = (f: GraphQLField<unknown, unknown>): FieldCost | undefined => {
  const c = f.extensions.complexity;
  return typeof c === 'function' && 'kind' in c ? (c as FieldCost) : undefined;
};

/** `Type.field` of every resolver method, by its class and method name (type-graphql's metadata). */
function resolverFields(): Map<string, { field: string; takesContext: boolean }> {
  const storage = getMetadataStorage() as unknown as {
    queries: { target: { name: string }; methodName: string; schemaName: string; params?: { kind: string }[] }[];
    fieldResolvers: {
      target: { name: string };
      methodName: string;
      schemaName: string;
      params?: { kind: string }[];
      getObjectType?: () => unknown;
    }[];
    objectTypes: { target: unknown; name: string }[];
  };
  const typeName = (cls: unknown) => storage.objectTypes.find((o) => o.target === cls)?.name;
  const out = new Map<string, { field: string; takesContext: boolean }>();
  for (const q of storage.queries)
    out.set(`${q.target.name}.${q.methodName}`, {
      field: `Query.${q.schemaName}`,
      takesContext: (q.params ?? []).some((p) => p.kind === 'context'),
    });
  for (const r of storage.fieldResolvers)
    out.set(`${r.target.name}.${r.methodName}`, {
      field: `${typeName(r.getObjectType?.())}.${r.schemaName}`,
      takesContext: (r.params ?? []).some((p) => p.kind === 'context'),
    });
  return out;
}

const fieldOf = (name: string) => {
  const [type, field] = name.split('.') as [string, string];
  return (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
};

/**
 * Resolver methods (`Class.method`) whose body runs an analysis: it reads `ctx.analysis`, or calls
 * something imported from src/analysis (read with the TypeScript compiler API).
 */
function methodsRunningAnalyses(): Set<string> {
  const dir = join(projectRoot, 'src', 'resolvers');
  const out = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.resolver.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const fromAnalysis = new Set<string>();
    for (const s of source.statements)
      if (
        ts.isImportDeclaration(s) &&
        ts.isStringLiteral(s.moduleSpecifier) &&
        s.moduleSpecifier.text.includes('/analysis/') &&
        !s.importClause?.isTypeOnly
      )
        for (const e of s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings)
          ? s.importClause.namedBindings.elements
          : [])
          if (!e.isTypeOnly) fromAnalysis.add(e.name.text);
    for (const cls of source.statements.filter(ts.isClassDeclaration))
      for (const m of cls.members.filter(ts.isMethodDeclaration)) {
        let runs = false;
        const visit = (n: ts.Node): void => {
          if (ts.isPropertyAccessExpression(n) && n.name.text === 'analysis' && n.expression.getText() === 'ctx')
            runs = true;
          if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && fromAnalysis.has(n.expression.text))
            runs = true;
          ts.forEachChild(n, visit);
        };
        if (m.body) visit(m.body);
        if (runs) out.add(`${cls.name!.text}.${(m.name as ts.Identifier).text}`);
      }
  }
  return out;
}

const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query, { maxTokens: 1_000_000 });
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return estimateCost({ schema, document, operation, variables });
};

describe('costs are declared on the fields', () => {
  it('every field whose resolver takes the request context (the store, the loaders, the analyses) carries a cost', () => {
    const missing = [...resolverFields().values()]
      .filter((r) => r.takesContext && !declared(fieldOf(r.field)))
      .map((r) => r.field);
    expect(missing).toEqual([]);
  });

  it('every field whose resolver runs an analysis declares a measured analysis cost', () => {
    const fields = resolverFields();
    const running = [...methodsRunningAnalyses()].map((m) => fields.get(m)!.field).sort();
    // The fields the issue found without an entry in the old table are among them.
    expect(running).toEqual(
      expect.arrayContaining([
        'NegotiationParty.outsideOptions',
        'NegotiationParty.optionComparison',
        'Negotiation.compatibility',
      ]),
    );
    const wrong = running.filter((f) => !['analysis', 'series'].includes(declared(fieldOf(f))?.kind ?? ''));
    expect(wrong).toEqual([]);
    for (const f of running) expect(declared(fieldOf(f))!.own, f).toBeGreaterThan(0);
  });

  it('every list of objects says how many items it is costed at per parent', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const f of Object.values(type.getFields())) {
        if (!isListType(getNullableType(f.type)) || !isCompositeType(getNamedType(f.type))) continue;
        const c = declared(f);
        const ok = c?.kind === 'edges' || c?.kind === 'series' || (c?.perParent !== undefined && c.perParent >= 1);
        if (!ok) undeclared.push(`${type.name}.${f.name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

describe('the cost model reads extensions.complexity as fieldExtensionsEstimator does', () => {
  it('a number is added to the selection, a function gets the arguments and the selection, no declaration costs 1', () => {
    const Item = new GraphQLObjectType({
      name: 'Item',
      fields: { a: { type: GraphQLString }, b: { type: GraphQLString, extensions: { complexity: 7 } } },
    });
    const Query = new GraphQLObjectType({
      name: 'Query',
      fields: {
        plain: { type: Item },
        fixed: { type: Item, extensions: { complexity: 10 } },
        list: {
          type: new GraphQLList(Item),
          args: { n: { type: GraphQLInt } },
          extensions: {
            complexity: ({ args, childComplexity }: { args: { n?: number }; childComplexity: number }) =>
              2 + (args.n ?? 5) * childComplexity,
          },
        },
        silent: { type: Item, extensions: { complexity: () => undefined } },
      },
    });
    const tiny = new GraphQLSchema({ query: Query });
    const estimate = (q: string) => {
      const document = parse(q);
      return estimateCost({
        schema: tiny,
        document,
        operation: document.definitions[0] as OperationDefinitionNode,
        variables: {},
      });
    };
    expect(estimate('{ plain { a } }')).toBe(2);
    expect(estimate('{ plain { a b } }')).toBe(1 + 1 + 7);
    expect(estimate('{ fixed { a } }')).toBe(10 + 1);
    expect(estimate('{ list(n: 3) { a b } }')).toBe(2 + 3 * 8);
    expect(estimate('{ list { a } }')).toBe(2 + 5 * 1);
    expect(estimate('{ silent { a } }')).toBe(1 + 1); // void: the default, as the package's next estimator would
  });
});

describe('estimates of the requests the issues name', () => {
  it('the heaviest page the API serves is expensive (it takes a slot) and under MAX_COST', () => {
    const c = cost(HEAVIEST_PAGE);
    console.log(`negotiations(first: 50) … partyPositions { outsideOptions { overall } }: ${c}`);
    expect(c).toBeGreaterThanOrEqual(DEFAULT_SERVER_POLICY.expensiveCost);
    expect(c).toBeLessThan(DEFAULT_LIMITS.maxCost);
    // More than one outside-options request alone, as it does more.
    expect(c).toBeGreaterThan(cost('{ outsideOptions(negotiation: "anglo-german-1898", party: 200) { overall } }'));
  });

  it('18 aliases of state.treaties.treaty.members.state.treaties are far over MAX_COST', () => {
    const c = cost(NESTED_TREATY_LISTS);
    console.log(`the 18-alias nested treaty request: ${c}`);
    expect(c).toBeGreaterThan(10 * DEFAULT_LIMITS.maxCost);
  });

  it('ordinary pages of 100 are under MAX_COST, and a page costs in proportion to its size', () => {
    for (const q of [
      '{ treaties(first: 100) { edges { node { name signed members { entry state { name } } } } } }',
      '{ states(first: 100) { edges { node { name treaties { treaty { name signed } } } } } }',
      '{ negotiations(first: 100) { edges { node { name outcome parties { name } treaty { name } } } } }',
      '{ threats(first: 100) { edges { node { key posedBy { name } perceivedBy { state { name } } } } } }',
      '{ eras { name negotiations { name outcome parties { name } } } }',
    ])
      expect(cost(q), q).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const page = (n: number) => cost(`{ negotiations(first: ${n}) { edges { node { name parties { name } } } } }`);
    expect(page(100) - page(50)).toBe(page(60) - page(10));
    expect(page(100) - page(50)).toBeGreaterThan(0);
  });
});
