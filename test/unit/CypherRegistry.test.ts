import { describe, expect, it } from 'vitest';
import { CypherRegistry, parseCypherFile } from '../../src/store/CypherRegistry.js';
import { checkValue, parseType, toTypeScript } from '../../src/store/cypherTypes.js';
import { renderQueriesModule } from '../../src/store/renderQueriesModule.js';

describe('Cypher file headers', () => {
  it('reads description, typed parameters, parameter-map fields, typed columns and the mode', () => {
    const q = parseCypherFile(
      'x',
      '// What it answers.\n// params: $ids: string[] (negotiation ids), $rows: {id: string,\n//   name: string?}[]\n// returns: id: string, node: {name: string?}\nUNWIND $ids AS id UNWIND $rows AS r RETURN id, r {.name} AS node',
    );
    expect(q).toMatchObject({
      description: 'What it answers.',
      params: ['ids', 'rows'],
      paramFields: ['id', 'name'],
      returns: ['id', 'node'],
      mode: 'READ',
    });
    expect(q.paramTypes[0]).toMatchObject({ name: 'ids', description: 'negotiation ids' });
    expect(parseCypherFile('w', '// W.\n// params: $id: string\n// returns: (none)\nMERGE (n:N {id: $id})').mode).toBe(
      'WRITE',
    );
  });

  it('refuses a parameter used but not declared, or declared but not used', () => {
    expect(() => parseCypherFile('x', '// Q.\n// params: $a: int\n// returns: c: int\nRETURN $a + $b AS c')).toThrow(
      /used but not declared in the header: \$b/,
    );
    expect(() =>
      parseCypherFile('x', '// Q.\n// params: $a: int, $b: int\n// returns: c: int\nRETURN $a AS c'),
    ).toThrow(/declared but not used: \$b/);
  });

  it('refuses a file without a description, parameters or columns, or with an unknown type', () => {
    expect(() => parseCypherFile('x', 'RETURN 1 AS one')).toThrow(/header must say what the query answers/);
    expect(() => parseCypherFile('x', '// Q.\n// returns: one: int\nRETURN 1 AS one')).toThrow(
      /must declare its parameters/,
    );
    expect(() => parseCypherFile('x', '// Q.\n// params: (none)\nRETURN 1 AS one')).toThrow(/must declare its columns/);
    expect(() => parseCypherFile('x', '// Q.\n// params: (none)\n// returns: one: integer\nRETURN 1 AS one')).toThrow(
      /unknown type "integer"/,
    );
  });

  it('loads every file of cypher/ under its file name', () => {
    const registry = CypherRegistry.load();
    expect(registry.names().length).toBeGreaterThan(40);
    expect(registry.get('negotiationsPage').params).toEqual([
      'outcome',
      'party',
      'era',
      'from',
      'to',
      'skip',
      'first',
      'texts',
    ]);
    expect(() => registry.get('noSuchQuery')).toThrow(/no Cypher file named noSuchQuery/);
  });
});

describe('header types', () => {
  it('render as TypeScript and check values', () => {
    const t = parseType('{id: string, cinc: float?, spells: {start: date, end: date?}[]}');
    expect(toTypeScript(t)).toBe(
      '{ id: string; cinc: number | null; spells: { start: string; end: string | null }[] }',
    );
    expect(checkValue(t, { id: 'a', cinc: null, spells: [{ start: '1816-01-01', end: null }] }, 'row')).toBeNull();
    expect(checkValue(t, { id: 'a', cinc: 0.5, spells: [{ start: 'soon', end: null }] }, 'row')).toMatch(
      /row.spells\[0\].start is "soon", declared date/,
    );
    expect(checkValue(t, { id: 'a', cinc: 1, spells: [], extra: 1 }, 'row')).toMatch(/undeclared key\(s\) extra/);
    expect(checkValue(parseType('int'), 1.5, 'x')).toMatch(/declared int/);
  });

  it('name the closed vocabularies of src/domain: typed as their unions, values checked against their words', () => {
    const t = parseType('{outcome: Outcome, obligations: Obligation[]?}');
    expect(toTypeScript(t)).toBe('{ outcome: Outcome; obligations: Obligation[] | null }');
    expect(checkValue(t, { outcome: 'AGREEMENT', obligations: ['DEFENSE'] }, 'row')).toBeNull();
    expect(checkValue(t, { outcome: 'AGREEMENT', obligations: null }, 'row')).toBeNull();
    expect(checkValue(t, { outcome: 'MAYBE', obligations: null }, 'row')).toMatch(
      /row.outcome is "MAYBE", declared Outcome \(AGREEMENT, NONAGREEMENT, SIGNED_NOT_IN_FORCE\)/,
    );
    expect(checkValue(t, { outcome: 'AGREEMENT', obligations: ['defense'] }, 'row')).toMatch(
      /row.obligations\[0\] is "defense", declared Obligation/,
    );
    const module = renderQueriesModule([
      parseCypherFile(
        'x',
        '// X.\n// params: (none)\n// returns: outcome: Outcome, at: Precision?\nRETURN 1 AS outcome, 2 AS at',
      ),
    ]);
    expect(module).toContain("import type { Outcome, Precision } from '../domain/index.js';");
    expect(module).toContain('at: Precision | null;');
  });
});
