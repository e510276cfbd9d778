/**
 * "One text, two stores", first half: every Cypher file (and every statement of
 * graph/schema.cypher) passes Neo4j's own front end with a schema built from graph/model.json.
 * Any diagnostic — syntax error, undefined variable, unknown label, relationship type, direction
 * or property — fails the file. (The second half, execution on Grafeo, is test/drift.)
 */
import { describe, expect, it } from 'vitest';
import { CypherRegistry } from '../../src/store/CypherRegistry.js';
import { readSchemaStatements } from '../../src/store/applySchema.js';
import { dbSchemaFromModel, lintQuery } from '../helpers/neo4jLint.js';

const schema = dbSchemaFromModel();
const registry = CypherRegistry.load();

describe('Neo4j lint of cypher/*.cypher', () => {
  it.each(registry.names())('%s', (name) => {
    expect(lintQuery(registry.get(name), schema)).toEqual([]);
  });
});

describe('Neo4j lint of graph/schema.cypher', () => {
  it.each(readSchemaStatements())('%s', (statement) => {
    expect(lintQuery({ text: statement, params: [], paramFields: [] }, schema)).toEqual([]);
  });
});

describe('the lint check can fail', () => {
  const lint = (text: string, params: string[] = []) =>
    lintQuery({ text, params, paramFields: [] }, schema).map((p) => p.message);
  it('on a syntax error', () => {
    expect(lint('MATCH (s:State RETURN s')).not.toEqual([]);
  });
  it('on an undefined variable', () => {
    expect(lint('MATCH (s:State) RETURN x').join()).toMatch(/Variable `x` not defined/);
  });
  it('on a label not in the model', () => {
    expect(lint('MATCH (s:Country) RETURN s').join()).toMatch(/Country is not present/);
  });
  it('on a relationship type not in the model', () => {
    expect(lint('MATCH (s:State)-[:ALLIED_WITH]->(t:State) RETURN t').join()).toMatch(/ALLIED_WITH is not present/);
  });
  it('on a relationship in the wrong direction', () => {
    expect(lint('MATCH (n:Negotiation)-[:PARTY_TO]->(s:State) RETURN s').join()).toMatch(/PARTY_TO/);
  });
  it('on a property not in the model', () => {
    expect(lint('MATCH (s:State) RETURN s.population AS p').join()).toMatch(/population is not present/);
  });
  it('on a parameter the header does not declare', () => {
    expect(lint('MATCH (s:State {ccode: $c}) RETURN s').join()).toMatch(/Parameter \$c is not defined/);
  });
  it('but not on a declared parameter', () => {
    expect(lint('MATCH (s:State {ccode: $c}) RETURN s', ['c'])).toEqual([]);
  });
});
