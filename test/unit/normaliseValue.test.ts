import { describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import grafeo from '@grafeo-db/js';
import { normaliseRow, normaliseValue } from '../../src/store/normaliseValue.js';

describe('normaliseValue with neo4j-driver value classes', () => {
  it('turns Integers into numbers, and out-of-range ones into exact strings', () => {
    expect(normaliseValue(neo4j.int(255))).toBe(255);
    expect(normaliseValue(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('turns temporal classes into ISO strings', () => {
    expect(normaliseValue(new neo4j.types.Date(1949, 4, 4))).toBe('1949-04-04');
    expect(normaliseValue(new neo4j.types.Date(1815, 11, 20))).toBe('1815-11-20');
    // As the store receives them (useBigInt), and years the driver writes with a sign and six digits.
    expect(normaliseValue(new neo4j.types.Date(1949n, 4n, 4n))).toBe('1949-04-04');
    expect(normaliseValue(new neo4j.types.Date(neo4j.int(5), neo4j.int(1), neo4j.int(9)))).toBe('0005-01-09');
    expect(normaliseValue(new neo4j.types.Date(12345, 1, 1))).toBe('+012345-01-01');
    expect(normaliseValue(new neo4j.types.Date(-44, 3, 15))).toBe('-000044-03-15');
    expect(normaliseValue(new neo4j.types.LocalDateTime(1939, 8, 23, 12, 0, 0, 0))).toBe('1939-08-23T12:00:00');
    expect(normaliseValue(new neo4j.types.DateTime(1939, 8, 23, 12, 0, 0, 0, 0))).toBe('1939-08-23T12:00:00Z');
  });

  it('turns nodes and relationships into their properties, recursively', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['State'],
      { ccode: neo4j.int(200), name: 'United Kingdom' },
      '4:x:1',
    );
    expect(normaliseValue(node)).toEqual({ ccode: 200, name: 'United Kingdom' });
    const rel = new neo4j.types.Relationship(
      neo4j.int(7),
      neo4j.int(1),
      neo4j.int(2),
      'MEMBER_OF',
      { entry: new neo4j.types.Date(1949, 8, 24), phase: neo4j.int(1) },
      '5:x:7',
      '4:x:1',
      '4:x:2',
    );
    expect(normaliseValue(rel)).toEqual({ entry: '1949-08-24', phase: 1 });
  });

  it('walks lists and maps and keeps plain values', () => {
    expect(
      normaliseRow({
        a: [neo4j.int(1), 'x', null, true, 2.5],
        m: { d: new neo4j.types.Date(1901, 1, 30) },
        u: undefined,
      }),
    ).toEqual({ a: [1, 'x', null, true, 2.5], m: { d: '1901-01-30' }, u: null });
  });
});

describe('normaliseValue with real Grafeo results', () => {
  it('gives the same plain values the Neo4j path gives', async () => {
    const db = grafeo.GrafeoDB.create();
    try {
      await db.executeCypher("CREATE (s:State) SET s.ccode = 200, s.name = 'United Kingdom'");
      await db.executeCypher("CREATE (t:Treaty) SET t.id = 'nato', t.signed = date('1949-04-04')");
      await db.executeCypher(
        "MATCH (s:State), (t:Treaty) CREATE (s)-[:MEMBER_OF {entry: date('1949-08-24'), phase: 1}]->(t)",
      );
      const result = await db.executeCypher(
        'MATCH (s:State)-[m:MEMBER_OF]->(t:Treaty) RETURN s, m, t.signed AS signed, s.ccode AS ccode, 9007199254740993 AS big, [t.signed] AS dates',
      );
      const [row] = result.toArray().map(normaliseRow);
      expect(row).toEqual({
        s: { ccode: 200, name: 'United Kingdom' },
        m: { entry: '1949-08-24', phase: 1 },
        signed: '1949-04-04',
        ccode: 200,
        big: '9007199254740993',
        dates: ['1949-04-04'],
      });
    } finally {
      db.close();
    }
  });
});
