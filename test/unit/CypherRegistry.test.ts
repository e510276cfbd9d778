import { describe, expect, it } from 'vitest';
import { CypherRegistry, parseCypherFile } from '../../src/store/CypherRegistry.js';

describe('Cypher file headers', () => {
  it('reads description, declared parameters, parameter-map fields and columns', () => {
    const q = parseCypherFile('x', '// What it answers.\n// params: $ids (string[]), $rows (list of {id, name})\n// returns: id, node\nUNWIND $ids AS id UNWIND $rows AS r RETURN id, r.name AS node');
    expect(q).toMatchObject({ description: 'What it answers.', params: ['ids', 'rows'], paramFields: ['id', 'name'], returns: ['id', 'node'] });
  });

  it('refuses a parameter used but not declared, or declared but not used', () => {
    expect(() => parseCypherFile('x', '// Q.\n// params: $a\nRETURN $a + $b AS c')).toThrow(/used but not declared in the header: \$b/);
    expect(() => parseCypherFile('x', '// Q.\n// params: $a, $b\nRETURN $a AS c')).toThrow(/declared but not used: \$b/);
  });

  it('refuses a file without a description', () => {
    expect(() => parseCypherFile('x', 'RETURN 1 AS one')).toThrow(/header must say what the query answers/);
  });

  it('loads every file of cypher/ under its file name', () => {
    const registry = CypherRegistry.load();
    expect(registry.names().length).toBeGreaterThan(40);
    expect(registry.get('negotiationsPage').params).toEqual(['outcome', 'party', 'era', 'from', 'to', 'skip', 'first']);
    expect(() => registry.get('noSuchQuery')).toThrow(/no Cypher file named noSuchQuery/);
  });
});
