/**
 * Schema-driven random requests for the fuzz harness: operations built from the schema's own
 * types (right and wrong argument values, variables that do and do not coerce, aliases,
 * fragments, directives, depth beyond the limit, mutations, subscriptions, syntax errors) and
 * malformed HTTP requests (bad JSON, wrong content types and charsets, bogus encodings, oversize
 * bodies, wrong methods, unknown paths, exports with bad parameters, cross-site requests).
 * Deterministic for a given seed.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export interface FuzzRequest {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTS = [2, 200, 220, 255, 365, 300, 740, 710, 325, 1914, 1939, 1, 5, 10, 20, 100, 0, -1, 999, 2147483647];
const STRINGS = [
  'UKG',
  'GMY',
  'RUS',
  'FRN',
  'north',
  '',
  'x'.repeat(300),
  'Ü\u0000\u202e',
  "' OR 1=1 --",
  '${x}',
  '{{x}}',
  '\\u0000',
];
const IDS = [
  'anglo-german-1898',
  'north-atlantic-1948',
  'british-french-soviet-1939',
  'dual-alliance-1879',
  'State:200',
  'Negotiation:anglo-german-1898',
  'Treaty:3180',
  'Era:interwar',
  'nope',
  'Planet:3',
  '',
  'State:abc',
  '%00',
  'a'.repeat(500),
];
const DATES = [
  '1914-06-28',
  '1914',
  '1939-02',
  '1898-01-01',
  '1949-01',
  '1815',
  '1950',
  '1939-02-30',
  'spring 1939',
  '',
  '19140628',
  '2000-13-01',
  '-0001',
];

export class Generator {
  private readonly r: () => number;
  private readonly query: GraphQLObjectType;
  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
  ) {
    this.r = prng(seed);
    this.query = schema.getQueryType()!;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  private chance(p: number): boolean {
    return this.r() < p;
  }

  /** A GraphQL literal for an input type (sometimes a wrong one). */
  private literal(type: GraphQLInputType, depth = 0): string {
    if (this.chance(0.04)) return this.pick(['"wrong"', '3.5', 'null', 'true', '[1, 2]', '{ nope: 1 }', 'NOT_AN_ENUM']);
    if (isNonNullType(type)) return this.literal(type.ofType, depth);
    if (isListType(type))
      return `[${Array.from({ length: Math.floor(this.r() * 3) }, () => this.literal(type.ofType, depth + 1)).join(', ')}]`;
    return JSON.stringify(this.value(type, depth))
      .replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1: ')
      .replace(/"__enum:(\w+)"/g, '$1');
  }

  /** A JSON value for a variable of this type (sometimes a wrong one). */
  value(type: GraphQLInputType, depth = 0): unknown {
    if (this.chance(0.05)) return this.pick(['wrong', 3.5, true, [1], { nope: 1 }, 'NOT_AN_ENUM', '1939-02-30', null]);
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type))
      return Array.from({ length: Math.floor(this.r() * 3) }, () => this.value(type.ofType, depth + 1));
    if (isEnumType(type)) return `__enum:${this.pick(type.getValues()).name}`;
    if (isInputObjectType(type)) {
      const out: Record<string, unknown> = {};
      if (depth > 2) return out;
      for (const f of Object.values(type.getFields())) {
        if (isNonNullType(f.type) || this.chance(0.35)) out[f.name] = this.value(f.type, depth + 1);
      }
      return out;
    }
    const name = type.name;
    if (name === 'Int') return this.pick(INTS);
    if (name === 'Float') return this.pick([0, 0.5, 1, -1, 1e9]);
    if (name === 'Boolean') return this.chance(0.5);
    if (name === 'ID') return this.pick(IDS);
    if (/date/i.test(name)) return this.pick(DATES);
    return this.pick(STRINGS);
  }

  private args(
    field: GraphQLField<unknown, unknown>,
    vars: { defs: string[]; values: Record<string, unknown> } | null,
  ): string {
    const parts: string[] = [];
    for (const a of field.args as readonly GraphQLArgument[]) {
      const required = isNonNullType(a.type) && a.defaultValue === undefined;
      if (!(required ? !this.chance(0.03) : this.chance(0.35))) continue;
      if (vars && this.chance(0.5)) {
        const v = `v${vars.defs.length}`;
        const declared = this.chance(0.05) ? 'Strin' : String(a.type);
        vars.defs.push(`$${v}: ${declared}`);
        if (!this.chance(0.05)) vars.values[v] = fixEnums(this.value(a.type));
        parts.push(`${a.name}: $${v}`);
      } else {
        parts.push(`${a.name}: ${this.literal(a.type)}`);
      }
    }
    if (this.chance(0.02)) parts.push(`nope: 1`);
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private selection(
    type: GraphQLNamedType,
    depth: number,
    maxDepth: number,
    vars: { defs: string[]; values: Record<string, unknown> } | null,
  ): string {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const inner = possible.slice(0, 3).map((t) => `... on ${t.name} ${this.selection(t, depth, maxDepth, vars)}`);
      return `{ __typename ${inner.join(' ')} }`;
    }
    if (!isObjectType(type)) return '';
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const objects = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const chosen: string[] = [];
    const n = 1 + Math.floor(this.r() * 3);
    for (let i = 0; i < n; i++) {
      const deeper = depth < maxDepth && objects.length && (this.chance(0.45) || !leaves.length);
      const f = deeper ? this.pick(objects) : leaves.length ? this.pick(leaves) : null;
      if (!f) break;
      const alias = this.chance(0.15) ? `a${Math.floor(this.r() * 1e6)}: ` : '';
      const directive =
        vars && this.chance(0.05) ? ` @include(if: ${this.chance(0.5)})` : this.chance(0.02) ? ' @skip(if: false)' : '';
      const sub = isLeafType(getNamedType(f.type))
        ? ''
        : ` ${this.selection(getNamedType(f.type), depth + 1, maxDepth, vars)}`;
      chosen.push(`${alias}${f.name}${this.args(f, vars)}${directive}${sub}`);
    }
    if (this.chance(0.1)) chosen.push('__typename');
    if (!chosen.length) chosen.push('__typename');
    return `{ ${chosen.join(' ')} }`;
  }

  /** One GraphQL operation: `{query, variables}` (or a deliberately broken one). */
  operation(): { query: string; variables?: Record<string, unknown>; kind: string } {
    const roll = this.r();
    if (roll < 0.02)
      return {
        kind: 'mutation',
        query: this.pick(['mutation { state(ccode: 2) { name } }', 'mutation M { __typename }']),
      };
    if (roll < 0.035) return { kind: 'subscription', query: 'subscription { state(ccode: 2) { name } }' };
    const vars = this.chance(0.35) ? { defs: [] as string[], values: {} as Record<string, unknown> } : null;
    const maxDepth = this.chance(0.05) ? 12 : Math.floor(this.r() * 4);
    const root = Object.values(this.query.getFields());
    const count = this.chance(0.1) ? 2 + Math.floor(this.r() * 4) : 1;
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const f = this.pick(root);
      const alias = count > 1 ? `q${i}: ` : '';
      const sub = isLeafType(getNamedType(f.type)) ? '' : ` ${this.selection(getNamedType(f.type), 1, maxDepth, vars)}`;
      parts.push(`${alias}${f.name}${this.args(f, vars)}${sub}`);
    }
    let body = `{ ${parts.join(' ')} }`;
    let query =
      vars && vars.defs.length
        ? `query Q(${vars.defs.join(', ')}) ${body}`
        : this.chance(0.3)
          ? `query Named ${body}`
          : body;
    if (this.chance(0.04)) {
      // the same through a fragment
      query = `query F { ...Root }\nfragment Root on Query ${body}`;
      if (vars?.defs.length) query = `query F(${vars.defs.join(', ')}) { ...Root }\nfragment Root on Query ${body}`;
    }
    if (this.chance(0.03)) query = query.slice(0, Math.floor(this.r() * query.length)); // syntax error
    if (this.chance(0.01)) query = `${query}\n${query}`; // two operations, maybe same name
    if (this.chance(0.01)) body = '';
    return { kind: 'query', query, variables: vars ? vars.values : undefined };
  }

  /** A GraphQL POST most of the time, otherwise one of the malformed or other-route requests. */
  request(): FuzzRequest {
    const json = { 'content-type': 'application/json' };
    const roll = this.r();
    if (roll < 0.8) {
      const op = this.operation();
      return {
        label: `${op.kind}: ${op.query}${op.variables ? ` vars ${JSON.stringify(op.variables)}` : ''}`,
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: op.query, variables: op.variables }),
      };
    }
    if (roll < 0.84) {
      const op = this.operation();
      const q = `query=${encodeURIComponent(op.query)}${op.variables ? `&variables=${encodeURIComponent(JSON.stringify(op.variables))}` : ''}`;
      return {
        label: `GET ${op.query}`,
        method: 'GET',
        path: `/graphql?${q}`,
        headers: this.chance(0.7) ? { 'apollo-require-preflight': 'true' } : {},
      };
    }
    const malformed: (() => FuzzRequest)[] = [
      () => ({
        label: 'invalid JSON',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: '{"query": "{ eras { key } }"',
      }),
      () => ({
        label: 'non-object JSON',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: this.pick(['"hello"', '42', 'null', 'true', '[]', '[{"query":"{ __typename }"}]']),
      }),
      () => ({
        label: 'query not a string',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: this.pick([42, null, ['x'], { a: 1 }]) }),
      }),
      () => ({
        label: 'variables not an object',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({
          query: 'query ($c: Int!) { state(ccode: $c) { name } }',
          variables: this.pick(['x', 5, [1]]),
        }),
      }),
      () => ({ label: 'no query', method: 'POST', path: '/graphql', headers: json, body: '{}' }),
      () => ({
        label: 'oversize body',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: `{ ${'__typename '.repeat(120_000)} }` }),
      }),
      () => ({
        label: 'many tokens',
        method: 'POST',
        path: '/graphql',
        headers: json,
        body: JSON.stringify({ query: `{ ${Array.from({ length: 6000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
      }),
      () => ({
        label: 'utf-16 charset',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json; charset=utf-16' },
        body: '{"query":"{ __typename }"}',
      }),
      () => ({
        label: 'bogus content-encoding',
        method: 'POST',
        path: '/graphql',
        headers: { ...json, 'content-encoding': this.pick(['bogus', 'br, gzip', 'gzip']) },
        body: '{"query":"{ __typename }"}',
      }),
      () => ({
        label: 'text/plain',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'text/plain' },
        body: '{"query":"{ __typename }"}',
      }),
      () => ({
        label: 'form',
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'query=%7B__typename%7D',
      }),
      () => ({
        label: 'no content-type',
        method: 'POST',
        path: '/graphql',
        headers: {},
        body: new TextEncoder().encode('{"query":"{ __typename }"}'),
      }),
      () => ({
        label: 'wrong method',
        method: this.pick(['PUT', 'DELETE', 'PATCH']),
        path: this.pick(['/graphql', '/healthz', '/export/gexf']),
        headers: json,
        body: '{}',
      }),
      () => ({
        label: 'OPTIONS',
        method: 'OPTIONS',
        path: '/graphql',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      }),
      () => ({
        label: 'unknown path',
        method: 'GET',
        path: this.pick([
          '/nope',
          '/graphql/x',
          '/export',
          '/..%2f..%2fetc/passwd',
          '/%E0%A4%A',
          '/explorer/../../package.json',
        ]),
        headers: {},
      }),
      () => ({
        label: 'GET without preflight',
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('{ __typename }')}`,
        headers: {},
      }),
      () => ({
        label: 'GET mutation',
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
      () => {
        const fmt = this.pick(['gexf', 'graphml', 'cytoscape', 'graphology', 'dyad-year', 'pdf', '']);
        const q = this.pick([
          'at=1914-06-28',
          'at=1914',
          'from=1900&to=1905',
          'at=spring',
          'from=1950&to=1900',
          '',
          'at=1914-06-28&negotiations=5',
          'from=1910&to=1912&directed=true',
          'at[]=1',
        ]);
        return {
          label: `export ${fmt}?${q}`,
          method: 'GET',
          path: `/export/${fmt}?${q}`,
          headers: this.chance(0.2) ? { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' } : {},
        };
      },
      () => ({ label: 'health', method: 'GET', path: this.pick(['/healthz', '/readyz']), headers: {} }),
    ];
    return this.pick(malformed)();
  }
}

/** Enum values were generated as "__enum:NAME" for literals; in JSON variables they are plain strings. */
function fixEnums(v: unknown): unknown {
  if (typeof v === 'string') return v.startsWith('__enum:') ? v.slice(7) : v;
  if (Array.isArray(v)) return v.map(fixEnums);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fixEnums(x)]));
  return v;
}
