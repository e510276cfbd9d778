/**
 * How many items each list field holds per parent in a graph, read through the API: every object
 * type reachable from the schema's enumerating root fields (the connections, paged through to the
 * end; root lists without required arguments) is expanded once, where a breadth-first walk of the
 * schema first meets it, with every list field it has selected; the sizes are counted from the
 * responses (`Type.field` → one size per parent object). Fields with required arguments, or whose
 * size depends on one, are asked once per entry of `argumentSets` (an alias each); other fields with
 * required arguments are left out.
 */
import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { TestApi } from './testApi.js';

export type ArgumentSets = Record<string, Record<string, unknown>[]>;

const isConnection = (f: GraphQLField<unknown, unknown>) =>
  getNamedType(f.type).name.endsWith('Connection') && f.args.some((a) => a.name === 'after');

/** The node type of a connection field (`XConnection.edges.node`). */
function nodeOf(f: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const connection = getNamedType(f.type) as GraphQLObjectType;
  const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
  return getNamedType(edge.getFields().node!.type) as GraphQLObjectType;
}

const needsArguments = (f: GraphQLField<unknown, unknown>) =>
  f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);

const literal = (v: unknown): string =>
  typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(literal).join(', ')}]` : String(v);

/** `Type.field` → sizes, one per parent object met. */
export async function relationCensus(
  api: TestApi,
  schema: GraphQLSchema,
  argumentSets: ArgumentSets = {},
  pageSize = 100,
): Promise<Map<string, number[]>> {
  const query = schema.getQueryType()!;
  const usable = (parent: GraphQLObjectType, f: GraphQLField<unknown, unknown>) =>
    !f.name.startsWith('__') && (!needsArguments(f) || `${parent.name}.${f.name}` in argumentSets);

  // Where each object type is expanded: the first field that reaches it, breadth first from the roots.
  const expandedAt = new Map<string, string>();
  const queue: GraphQLObjectType[] = [];
  const reach = (at: string, type: unknown) => {
    if (!isObjectType(type) || expandedAt.has(type.name)) return;
    expandedAt.set(type.name, at);
    queue.push(type);
  };
  for (const f of Object.values(query.getFields())) {
    if (!usable(query, f)) continue;
    if (isConnection(f)) reach(`Query.${f.name}`, nodeOf(f));
    else if (isListType(getNullableType(f.type)) || needsArguments(f)) reach(`Query.${f.name}`, getNamedType(f.type));
  }
  while (queue.length) {
    const t = queue.shift()!;
    for (const f of Object.values(t.getFields())) if (usable(t, f)) reach(`${t.name}.${f.name}`, getNamedType(f.type));
  }

  const fieldsOf = (parent: GraphQLObjectType, f: GraphQLField<unknown, unknown>, inner: string): string[] => {
    const sets = argumentSets[`${parent.name}.${f.name}`];
    if (!sets) return [`${f.name}${inner}`];
    return sets.map((args, i) => {
      const list = Object.entries(args).map(([k, v]) => `${k}: ${literal(v)}`);
      return `${f.name}__${i}: ${f.name}(${list.join(', ')})${inner}`;
    });
  };
  const selection = (t: GraphQLObjectType): string => {
    const parts = ['__typename'];
    for (const f of Object.values(t.getFields())) {
      if (!usable(t, f)) continue;
      const named = getNamedType(f.type);
      const list = isListType(getNullableType(f.type));
      if (isLeafType(named)) {
        if (list) parts.push(...fieldsOf(t, f, ''));
      } else if (isObjectType(named)) {
        if (expandedAt.get(named.name) === `${t.name}.${f.name}`)
          parts.push(...fieldsOf(t, f, ` { ${selection(named)} }`));
        else if (list) parts.push(...fieldsOf(t, f, ' { __typename }'));
      }
    }
    return parts.join(' ');
  };

  const sizes = new Map<string, number[]>();
  const count = (value: unknown, typename: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const v of value) count(v, undefined);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const type = typeof o.__typename === 'string' ? o.__typename : typename;
    for (const [key, v] of Object.entries(o)) {
      if (type && Array.isArray(v)) {
        const k = `${type}.${key.replace(/__\d+$/, '')}`;
        sizes.set(k, [...(sizes.get(k) ?? []), v.length]);
      }
      count(v, undefined);
    }
  };
  const run = async (document: string): Promise<Record<string, unknown>> => {
    const r = await api.run(document);
    if (r.errors?.length) throw new Error(`census query failed: ${JSON.stringify(r.errors).slice(0, 600)}`);
    return r.data as Record<string, unknown>;
  };

  const roots: string[] = [];
  for (const f of Object.values(query.getFields())) {
    if (!usable(query, f)) continue;
    const named = getNamedType(f.type);
    if (isConnection(f)) {
      const node = nodeOf(f);
      let after: string | null = null;
      do {
        const data: Record<string, unknown> = await run(
          `{ page: ${f.name}(first: ${pageSize}${after ? `, after: ${JSON.stringify(after)}` : ''}) { pageInfo { hasNextPage endCursor } edges { node { ${selection(node)} } } } }`,
        );
        const page = data.page as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] };
        count(page.edges, undefined);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
    } else if (isObjectType(named) && expandedAt.get(named.name) === `Query.${f.name}`) {
      roots.push(...fieldsOf(query, f, ` { ${selection(named)} }`));
    }
  }
  // The root fields in documents of ROOTS_PER_DOCUMENT aliases, one after the other: one document of
  // all of them (hundreds of analyses at once) is more concurrent store work than a Neo4j driver's
  // connection pool serves (acquisition timed out with 100 connections active).
  for (let i = 0; i < roots.length; i += ROOTS_PER_DOCUMENT)
    count({ __typename: 'Query', ...(await run(`{ ${roots.slice(i, i + ROOTS_PER_DOCUMENT).join(' ')} }`)) }, 'Query');
  return sizes;
}

/** Root fields asked in one document of the census. */
const ROOTS_PER_DOCUMENT = 25;

/** The q-quantile (nearest rank) of sizes. */
export function quantile(sizes: readonly number[], q: number): number {
  const s = [...sizes].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0;
}
