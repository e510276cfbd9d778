/**
 * Neo4j's own front end (`lintCypherQuery` from @neo4j-cypher/language-support), given a database
 * schema built from graph/model.json: labels, relationship types with their endpoints, property keys.
 */
import { lintCypherQuery, type DbSchema } from '@neo4j-cypher/language-support';
import { asList, loadGraphModel } from './graphModel.js';
import type { CypherQuery } from '../../src/store/CypherRegistry.js';

export function dbSchemaFromModel(): DbSchema {
  const model = loadGraphModel();
  const propertyKeys = new Set<string>();
  for (const n of Object.values(model.nodes)) Object.keys(n.properties).forEach((k) => propertyKeys.add(k));
  for (const r of Object.values(model.relationships)) Object.keys(r.properties).forEach((k) => propertyKeys.add(k));
  const graphSchema: { from: string; to: string; relType: string }[] = [];
  for (const [type, r] of Object.entries(model.relationships)) {
    for (const from of asList(r.from)) for (const to of asList(r.to)) graphSchema.push({ from, to, relType: type });
  }
  return {
    labels: Object.keys(model.nodes),
    relationshipTypes: Object.keys(model.relationships),
    propertyKeys: [...propertyKeys],
    graphSchema,
  };
}

export interface LintProblem {
  severity: 'error' | 'warning';
  message: string;
  line: number;
}

/**
 * Lints one query. The parameters its header declares count as defined, and so do the field names
 * the header declares inside parameter maps (they are read as `row.field`, which Neo4j's linter
 * checks against the property keys).
 */
export function lintQuery(
  query: Pick<CypherQuery, 'text' | 'params' | 'paramFields'>,
  schema: DbSchema = dbSchemaFromModel(),
): LintProblem[] {
  const parameters = Object.fromEntries(query.params.map((p) => [p, null]));
  const propertyKeys = [...(schema.propertyKeys ?? []), ...query.paramFields];
  const { diagnostics } = lintCypherQuery(query.text, { ...schema, parameters, propertyKeys });
  return diagnostics.map((d) => ({
    severity: d.severity === 1 ? 'error' : 'warning',
    message: typeof d.message === 'string' ? d.message : d.message.value,
    line: d.range.start.line + 1,
  }));
}
