/**
 * The graph model of `graph/model.json`, typed (used by the Cypher lint test). Labels and relationship types in Cypher come from
 * here (never from user input); the Cypher lint test builds Neo4j's schema from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphDir } from '../../src/paths.js';

export type PropertyType = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'string[]' | 'int[]';

export interface NodeModel {
  key: string;
  description: string;
  properties: Record<string, PropertyType>;
}

export interface RelationshipModel {
  from: string | string[];
  to: string | string[];
  description: string;
  properties: Record<string, PropertyType>;
}

export interface GraphModel {
  nodes: Record<string, NodeModel>;
  relationships: Record<string, RelationshipModel>;
}

export function loadGraphModel(file = join(graphDir, 'model.json')): GraphModel {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as GraphModel & { $comment?: string };
  return { nodes: raw.nodes, relationships: raw.relationships };
}

export const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
