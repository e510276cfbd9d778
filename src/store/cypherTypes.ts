/**
 * The little type language of the `.cypher` headers, for parameters and columns:
 *
 *     string | int | float | boolean | date | any      base types (date: an ISO `YYYY-MM-DD` string)
 *     Outcome | Precision | ...                          a closed vocabulary of src/domain (`VOCABULARIES`)
 *     T[]                                                a list
 *     T?                                                 nullable
 *     {name: T, other: T}                                a map with these keys
 *
 * e.g. `// params: $ids: string[] (negotiation ids), $at: date?` and
 * `// returns: id: string, node: {id: string, party: int, scope: string[]?}`.
 *
 * The generator (scripts/generateQueries.ts) turns them into TypeScript types; in tests every row a
 * query returns is checked against its declared columns (`checkValue`), so a header cannot drift
 * from its query.
 */
import {
  APPROACHES,
  ATTRACTIVENESS,
  CODINGS,
  COMMITMENT_FORMS,
  CONFIDENCE,
  OBLIGATIONS,
  OUTCOMES,
  OUTSIDE_OPTION_KINDS,
  PRECISIONS,
  PROPOSAL_RESPONSES,
  SOURCE_KINDS,
  THIRD_PARTY_ROLES,
  WAR_PLAN_KINDS,
} from '../domain/index.js';

/**
 * The closed vocabularies of `src/domain` a header may name as a type (`outcome: Outcome`), as
 * pgtyped types a Postgres enum column: the generated type is the domain's union of that name
 * (`import type { Outcome } from '../domain/index.js'`), so a row maps onto the schema's enums
 * without a cast, and `checkValue` checks that a value is one of the words.
 */
export const VOCABULARIES = {
  Approach: APPROACHES,
  Attractiveness: ATTRACTIVENESS,
  Coding: CODINGS,
  CommitmentForm: COMMITMENT_FORMS,
  Confidence: CONFIDENCE,
  Obligation: OBLIGATIONS,
  Outcome: OUTCOMES,
  OutsideOptionKind: OUTSIDE_OPTION_KINDS,
  Precision: PRECISIONS,
  ProposalResponse: PROPOSAL_RESPONSES,
  SourceKind: SOURCE_KINDS,
  ThirdPartyRole: THIRD_PARTY_ROLES,
  WarPlanKind: WAR_PLAN_KINDS,
} as const satisfies Record<string, readonly string[]>;
export type VocabularyName = keyof typeof VOCABULARIES;
const isVocabulary = (name: string): name is VocabularyName => Object.hasOwn(VOCABULARIES, name);

export type CypherType =
  | { kind: 'base'; name: 'string' | 'int' | 'float' | 'boolean' | 'date' | 'any'; nullable: boolean }
  | { kind: 'vocabulary'; name: VocabularyName; nullable: boolean }
  | { kind: 'list'; of: CypherType; nullable: boolean }
  | { kind: 'map'; fields: Field[]; nullable: boolean };

export interface Field {
  name: string;
  type: CypherType;
  description?: string;
}

const BASES = new Set(['string', 'int', 'float', 'boolean', 'date', 'any']);

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly where: string,
  ) {}

  private fail(message: string): never {
    throw new Error(`${this.where}: ${message} at "${this.text.slice(this.i, this.i + 30)}" in "${this.text}"`);
  }
  private skip(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i]!)) this.i++;
  }
  private peek(): string {
    this.skip();
    return this.text[this.i] ?? '';
  }
  private eat(ch: string): boolean {
    if (this.peek() === ch) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(ch: string): void {
    if (!this.eat(ch)) this.fail(`expected "${ch}"`);
  }
  private ident(): string {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.i));
    if (!m) this.fail('expected a name');
    this.i += m[0].length;
    return m[0];
  }

  done(): boolean {
    this.skip();
    return this.i >= this.text.length;
  }

  type(): CypherType {
    let t: CypherType;
    if (this.eat('{')) {
      const fields: Field[] = [];
      if (!this.eat('}')) {
        do {
          const name = this.ident();
          this.expect(':');
          fields.push({ name, type: this.type() });
        } while (this.eat(','));
        this.expect('}');
      }
      t = { kind: 'map', fields, nullable: false };
    } else {
      const name = this.ident();
      if (isVocabulary(name)) t = { kind: 'vocabulary', name, nullable: false };
      else if (BASES.has(name)) t = { kind: 'base', name: name as 'string', nullable: false };
      else this.fail(`unknown type "${name}"`);
    }
    for (;;) {
      if (this.text.startsWith('[]', this.i)) {
        this.i += 2;
        t = { kind: 'list', of: t, nullable: false };
        continue;
      }
      if (this.text[this.i] === '?') {
        this.i++;
        t = { ...t, nullable: true };
        continue;
      }
      return t;
    }
  }

  /** `name: T (description), name: T` — `$` before a name is allowed (parameters). */
  fields(dollar: boolean): Field[] {
    const out: Field[] = [];
    if (this.done()) return out;
    do {
      if (dollar) this.expect('$');
      const name = this.ident();
      this.expect(':');
      const type = this.type();
      let description: string | undefined;
      if (this.peek() === '(') {
        const close = this.text.indexOf(')', this.i);
        if (close < 0) this.fail('unclosed "("');
        description = this.text.slice(this.i + 1, close).trim();
        this.i = close + 1;
      }
      out.push({ name, type, description });
    } while (this.eat(','));
    if (!this.done()) this.fail('unexpected text');
    return out;
  }
}

/** Parses a header's field list (`$a: int, $b: string[]` or `id: string, node: {...}`); `(none)` is empty. */
export function parseFields(text: string, where: string, dollar: boolean): Field[] {
  if (text.trim() === '(none)') return [];
  return new Parser(text, where).fields(dollar);
}

export function parseType(text: string, where = 'type'): CypherType {
  const p = new Parser(text, where);
  const t = p.type();
  if (!p.done()) throw new Error(`${where}: unexpected text after the type in "${text}"`);
  return t;
}

/** The TypeScript type of a Cypher type, as source text. */
export function toTypeScript(t: CypherType, indent = ''): string {
  const nullable = (s: string) => (t.nullable ? `${s} | null` : s);
  switch (t.kind) {
    case 'base':
      return nullable(
        t.name === 'int' || t.name === 'float'
          ? 'number'
          : t.name === 'date'
            ? 'string'
            : t.name === 'any'
              ? 'unknown'
              : t.name,
      );
    case 'vocabulary':
      return nullable(t.name);
    case 'list': {
      const inner = toTypeScript(t.of, indent);
      return nullable(t.of.nullable ? `(${inner})[]` : `${inner}[]`);
    }
    case 'map':
      return nullable(`{ ${t.fields.map((f) => `${f.name}: ${toTypeScript(f.type, indent)}`).join('; ')} }`);
  }
}

/** The header form of a Cypher type (for messages and the generator's comments). */
export function formatType(t: CypherType): string {
  const base =
    t.kind === 'base' || t.kind === 'vocabulary'
      ? t.name
      : t.kind === 'list'
        ? `${formatType({ ...t.of })}[]`
        : `{${t.fields.map((f) => `${f.name}: ${formatType(f.type)}`).join(', ')}}`;
  return t.nullable ? `${base}?` : base;
}

const ISO_DATE = /^-?\d{4,}-\d{2}-\d{2}$/;

/**
 * Checks a normalised value against a declared type; returns the first mismatch as text, or null.
 * A map must have exactly the declared keys.
 */
export function checkValue(t: CypherType, v: unknown, path: string): string | null {
  if (v === null || v === undefined)
    return t.nullable || (t.kind === 'base' && t.name === 'any') ? null : `${path} is null, declared ${formatType(t)}`;
  switch (t.kind) {
    case 'base':
      switch (t.name) {
        case 'any':
          return null;
        case 'string':
          return typeof v === 'string' ? null : `${path} is ${JSON.stringify(v)}, declared string`;
        case 'date':
          return typeof v === 'string' && ISO_DATE.test(v) ? null : `${path} is ${JSON.stringify(v)}, declared date`;
        case 'boolean':
          return typeof v === 'boolean' ? null : `${path} is ${JSON.stringify(v)}, declared boolean`;
        case 'int':
          return typeof v === 'number' && Number.isInteger(v) ? null : `${path} is ${JSON.stringify(v)}, declared int`;
        case 'float':
          return typeof v === 'number' ? null : `${path} is ${JSON.stringify(v)}, declared float`;
      }
      return null;
    case 'vocabulary':
      return typeof v === 'string' && (VOCABULARIES[t.name] as readonly string[]).includes(v)
        ? null
        : `${path} is ${JSON.stringify(v)}, declared ${t.name} (${VOCABULARIES[t.name].join(', ')})`;
    case 'list':
      if (!Array.isArray(v)) return `${path} is ${JSON.stringify(v)}, declared ${formatType(t)}`;
      for (let i = 0; i < v.length; i++) {
        const e = checkValue(t.of, v[i], `${path}[${i}]`);
        if (e) return e;
      }
      return null;
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return `${path} is ${JSON.stringify(v)}, declared a map`;
      const o = v as Record<string, unknown>;
      const declared = new Set(t.fields.map((f) => f.name));
      const extra = Object.keys(o).filter((k) => !declared.has(k));
      if (extra.length) return `${path} has undeclared key(s) ${extra.join(', ')}`;
      for (const f of t.fields) {
        const e = checkValue(f.type, o[f.name], `${path}.${f.name}`);
        if (e) return e;
      }
      return null;
    }
  }
}
